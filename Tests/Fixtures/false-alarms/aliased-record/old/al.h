#include <linux/types.h>
struct al_block_header { __u16 type; __u16 flags; __u32 size; };
struct al_config { struct al_block_header header; __u32 value; };
