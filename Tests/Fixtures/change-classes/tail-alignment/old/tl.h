#include <linux/types.h>
struct tl_resp { __u32 a; __u32 b; };
