#include <linux/types.h>
struct dma_map { __u64 paddr; __u64 size; };
struct stats { __u64 unused_blocks; __u64 total; };
struct kbd { __u32 keypad; __u32 flags; };
struct q { __u32 padding_mode; __u32 x; };
