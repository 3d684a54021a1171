#include <linux/types.h>
struct pv_ring { __u32 prod; __u32 cons; };
