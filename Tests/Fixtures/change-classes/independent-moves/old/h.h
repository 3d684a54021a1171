#include <linux/types.h>
struct s { __u32 exp_a; __u32 pad0; __u32 b; __u64 d; };
