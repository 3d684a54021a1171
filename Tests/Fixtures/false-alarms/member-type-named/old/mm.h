#include <linux/types.h>
struct mm_dev {
	__u32 count;
	struct {
		__u64 base;
		__u64 size;
	} res[3];
};
