#include <linux/types.h>
struct al_hdr { __u16 type; __u16 flags; __u32 size; };
#define al_block_header al_hdr
struct al_config { struct al_hdr header; __u32 value; };
