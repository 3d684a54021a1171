/* Names and shapes that Swift's importer treats specially. Written for uapi's tests. */
#ifndef EDGE_H
#define EDGE_H
#include <linux/types.h>
#include <linux/ioctl.h>

struct edge_keywords {
	__u32 protocol;
	__u32 func;
	__u32 in;
	__u32 self;
};

struct edge_shapes {
	__u32 flags:3;
	__u32 mode:5;
	__u32 count;
	union {
		__u32 fd;
		__u32 handle;
	};
	struct {
		__u16 lo;
		__u16 hi;
	} pair;
	__u64 tail[];
};

enum edge_state {
	EDGE_STATE_IDLE,
	EDGE_STATE_BUSY,
};

enum {
	EDGE_ANON_A = 3,
};

#define EDGE_TYPE ('E')
#define EDGE_SIMPLE 7
#define EDGE_SHIFTED (1U << 31)
#define EDGE_CHAINED (EDGE_SIMPLE | EDGE_SHIFTED | 8)
#define EDGE_FROM_ENUM (1 << EDGE_ANON_A)
#define EDGE_ALIAS_STATE EDGE_STATE_BUSY
#define EDGE_NEGATIVE (-12)
#define EDGE_WIDE ((__int128)1)
#define EDGE_NAME "edge\tdevice"
#define EDGE_ALL_ONES (~0ULL)
#define EDGE_SIZE sizeof(struct edge_shapes)

#define EDGE_GET _IOR(EDGE_TYPE, 1, struct edge_keywords)
#define EDGE_SET _IOW(EDGE_TYPE, 2, __u32)
#define EDGE_RESET _IO(EDGE_TYPE, 3)

#endif
