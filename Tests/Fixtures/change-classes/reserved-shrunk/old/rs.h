#include <linux/types.h>
struct rs_info { __u32 flags; __u32 reserved[6]; };
struct rs_ev { __u8 a; __u8 pad[3]; __u32 b; };
struct rs_hw { __u32 type; __u32 __reserved; __aligned_u64 caps; };
struct rs_bits { __u32 a:3; __u32 rsvd1:29; };
