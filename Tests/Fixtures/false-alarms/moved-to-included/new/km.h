/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/* Like linux/kvm.h after 6.10: the x86 definitions moved into the included asm/kvm.h. */
#ifndef KM_H
#define KM_H
#include <linux/types.h>
#include <linux/ioctl.h>
#include "km-arch.h"

#define KM_GET_REGS _IOR(0xAE, 0x81, struct km_regs)
#endif
