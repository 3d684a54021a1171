#include <linux/types.h>
struct rs_info { __u32 flags; __u32 reserved[2]; __u32 cap; __u32 more[3]; };
struct rs_ev { __u8 a; __u8 x; __u8 pad[2]; __u32 b; };
struct rs_hw { __u32 type; __u8 max_log2; __u8 __reserved[3]; __aligned_u64 caps; };
struct rs_bits { __u32 a:3; __u32 b:4; __u32 rsvd1:25; };
