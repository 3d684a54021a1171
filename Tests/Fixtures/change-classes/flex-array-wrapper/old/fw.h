#include <linux/types.h>
struct fw_msg { __u32 len; union { __u8 data[0]; __u32 words[0]; }; };
