struct kvm_regs { unsigned long long rax; };
