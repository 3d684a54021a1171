#include <linux/types.h>
struct mm_dev_res {
	__u64 base;
	__u64 size;
};
struct mm_dev {
	__u32 count;
	struct mm_dev_res res[3];
};
