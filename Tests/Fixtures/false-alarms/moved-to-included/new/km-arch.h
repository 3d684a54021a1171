/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
#ifndef KM_ARCH_H
#define KM_ARCH_H
#include <linux/types.h>
#define KM_ARCH_X86 1

struct km_regs {
	__u64 rip;
	__u64 flags;
};
enum km_mode { KM_MODE_REAL = 1, KM_MODE_LONG = 2 };
#define KM_FLAG_SINGLESTEP (1ULL << 0)
#define KM_ARCH_OK(x) ((x) & KM_FLAG_SINGLESTEP)
#endif
