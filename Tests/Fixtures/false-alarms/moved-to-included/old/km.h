/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/* Like linux/kvm.h before 6.10: the definitions live in the listed header. */
#ifndef KM_H
#define KM_H
#include <linux/types.h>
#include <linux/ioctl.h>
#include "km-arch.h"

struct km_regs {
	__u64 rip;
	__u64 flags;
};
enum km_mode { KM_MODE_REAL = 1, KM_MODE_LONG = 2 };
#define KM_FLAG_SINGLESTEP (1ULL << 0)
#define KM_ARCH_OK(x) ((x) & KM_FLAG_SINGLESTEP)

#define KM_GET_REGS _IOR(0xAE, 0x81, struct km_regs)
#endif
