#define __ARCH_WANT_RENAMEAT
#define __ARCH_WANT_SET 1
#define AW_X 1
