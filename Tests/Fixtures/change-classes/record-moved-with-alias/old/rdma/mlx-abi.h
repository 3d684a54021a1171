#include <linux/types.h>
struct mlx_ib_clock_info { __u32 sign; __u32 resv; __u64 nsec; };
