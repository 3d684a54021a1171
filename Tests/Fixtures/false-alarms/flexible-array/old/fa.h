#include <linux/types.h>
struct fa_msg {
	__u32 len;
	__u32 flags;
	__u8 data[0];
};
