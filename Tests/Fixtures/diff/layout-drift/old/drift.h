/* Layout changes of every kind, in the style of a UAPI header. */
#include <linux/types.h>
#include <linux/ioctl.h>

struct drift_region {
	__u32 argsz;
	__u32 flags;
	__u32 index;
	__u32 size;
	__u64 offset;
};

/* Widened field: everything after it moves, and the ioctl number changes. */
struct drift_map {
	__u32 argsz;
	__u32 flags;
	__u32 vaddr;
	__u64 iova;
};

/* Only i386 sees this one move: __u32 pad added before a __u64. */
struct drift_i386 {
	__u32 a;
	__u64 b;
};

struct drift_bits {
	__u32 mode:3;
	__u32 level:5;
};

struct drift_packed {
	__u8 kind;
	__u32 value;
} __attribute__((packed));

struct drift_kind {
	__u32 a;
	__u32 b;
};

typedef __u32 drift_handle_t;

#define DRIFT_MAP _IOW('D', 1, struct drift_map)
#define DRIFT_GET _IOR('D', 2, struct drift_region)
