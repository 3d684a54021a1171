#include <asm/kvm.h>
#define KVM_API_VERSION 12
