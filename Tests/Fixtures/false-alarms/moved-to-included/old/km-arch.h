/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
#ifndef KM_ARCH_H
#define KM_ARCH_H
#define KM_ARCH_X86 1
#endif
