#include <linux/types.h>
struct s { __u16 exp_a; __u16 a2; __u32 pad0; __u32 b; __aligned_u64 d; };
