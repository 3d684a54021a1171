/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
#ifndef _UAPI_LINUX_FIXDEV_QUEUE_H
#define _UAPI_LINUX_FIXDEV_QUEUE_H
#include <linux/types.h>

struct fixdev_queue {
	__u16 index;
	__u16 size;
	__u32 flags;
	__u64 __user_addr;
};

#endif
