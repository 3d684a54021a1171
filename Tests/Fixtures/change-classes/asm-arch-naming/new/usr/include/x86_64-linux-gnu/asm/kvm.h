struct kvm_regs { unsigned long long rax; };
struct kvm_xen_hvm_config { unsigned int flags; unsigned int msr; };
#define KVM_XEN_HVM_CONFIG_SHARED_INFO 4
