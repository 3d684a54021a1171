#include <linux/types.h>
#include <linux/ioctl.h>

struct rm_kept {
	__u32 a;
	__u32 renamed_b;
	__u32 c;
};

struct rm_new_name {
	__u64 base;
	__u64 len;
};

enum rm_mode {
	RM_MODE_A = 1,
	RM_MODE_C = 4,
};

#define RM_LIMIT 32
#define RM_VERSION 2UL
#define RM_CHECK(x) ((x) <= RM_LIMIT)
