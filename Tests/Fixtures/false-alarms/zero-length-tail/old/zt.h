#include <linux/types.h>
struct zt_page {
	__u32 a;
	__u32 b;
};
