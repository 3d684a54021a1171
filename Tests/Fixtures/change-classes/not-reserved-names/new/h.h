#include <linux/types.h>
struct dma_map { __u32 paddr; __u32 flags; __u64 size; };
struct stats { __u32 unused_blocks; __u32 free_inodes; __u64 total; };
struct kbd { __u16 keypad; __u16 layout; __u32 flags; };
struct q { __u32 x0:8, padding_mode:24; __u32 x; };
