/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
#ifndef _UAPI_ASM_X86_FIXDEV_H
#define _UAPI_ASM_X86_FIXDEV_H
#include <linux/types.h>

struct fixdev_x86_state {
	__u64 rip;
	__u32 eflags;
	__u32 pad;
};

#endif
