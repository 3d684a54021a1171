#include <linux/types.h>
#include <linux/ioctl.h>

struct rm_kept {
	__u32 a;
	__u32 b;
	__u32 c;
};

struct rm_gone {
	__u32 x;
};

struct rm_old_name {
	__u64 base;
	__u64 len;
};

typedef __u32 rm_cookie_t;

enum rm_mode {
	RM_MODE_A = 1,
	RM_MODE_B = 2,
	RM_MODE_C = 4,
};

#define RM_LIMIT 16
#define RM_VERSION 2
#define RM_CHECK(x) ((x) < RM_LIMIT)
#define RM_QUERY _IOR('R', 1, struct rm_gone)
