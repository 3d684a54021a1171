/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/* A small UAPI header in a kernel tree, written for uapi's sync tests. */
#ifndef _UAPI_LINUX_FIXDEV_H
#define _UAPI_LINUX_FIXDEV_H

#include <linux/types.h>
#include <linux/ioctl.h>

#ifdef __KERNEL__
#include <linux/compiler.h>
struct fixdev_kernel_only {
	void *private;
};
#endif /* __KERNEL__ */

#define FIXDEV_TYPE 'F'
#define FIXDEV_API_VERSION 1
#define FIXDEV_FLAG_RESET (1 << 0)

typedef __u32 __bitwise fixdev_flags_t;

struct fixdev_info {
	__u32 argsz;
	__u32 flags;
	__le32 num_queues;
	__u32 pad;
	__aligned_u64 features;
};

struct fixdev_region {
	__u32 argsz;
	__u32 index;
	__u64 size;
	__u64 offset;
};

struct fixdev_wire {
	__u8 kind;
	__be32 value;
} __attribute__((packed));

#ifndef __KERNEL__
#define FIXDEV_USER_ONLY 1
#endif

#define FIXDEV_GET_INFO _IOR(FIXDEV_TYPE, 0, struct fixdev_info)
#define FIXDEV_GET_REGION _IOWR(FIXDEV_TYPE, 1, struct fixdev_region)
#define FIXDEV_RESET _IO(FIXDEV_TYPE, 2)

#endif /* _UAPI_LINUX_FIXDEV_H */
