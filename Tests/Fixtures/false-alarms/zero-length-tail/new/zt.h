#include <linux/types.h>
struct zt_page {
	__u32 a;
	__u32 b;
	__u8 tail[0];
};
