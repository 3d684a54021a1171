import UAPIClang
import UAPIModel

/// Maps kernel-internal spellings to their UAPI equivalents so a driver header
/// (`pvrdma_dev_api.h` style) parses without the kernel tree.
enum KernelTypesPrelude {
    static let text = """
    #include <linux/types.h>
    typedef __u8 u8;
    typedef __u16 u16;
    typedef __u32 u32;
    typedef __u64 u64;
    typedef __s8 s8;
    typedef __s16 s16;
    typedef __s32 s32;
    typedef __s64 s64;
    #ifndef __cplusplus
    typedef _Bool bool;
    #define true 1
    #define false 0
    #endif
    #define BIT(nr) (1UL << (nr))
    #define BIT_ULL(nr) (1ULL << (nr))
    #define GENMASK(h, l) (((~0UL) << (l)) & (~0UL >> (8 * sizeof(long) - 1 - (h))))
    #define GENMASK_ULL(h, l) (((~0ULL) << (l)) & (~0ULL >> (63 - (h))))
    #define __packed __attribute__((packed))
    #define __aligned(x) __attribute__((aligned(x)))
    #define __iomem
    #define __user
    #define __force
    #define __must_check
    #define __always_inline inline

    """
}
