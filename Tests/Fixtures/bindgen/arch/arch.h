/* Per-architecture ioctls, flag families and internal helpers, as in linux/kvm.h
 * and linux/vfio.h. Written for uapi's bindgen tests. */
#ifndef ARCH_H
#define ARCH_H
#include <linux/types.h>
#include <linux/ioctl.h>

struct arch_device_info {
	__u32 argsz;
	__u32 flags;
	__u16 kind;
	__u16 pad;
};

/* Imported by Swift as Int32 by itself; the overlay retypes them as UInt32 like flags. */
#define ARCH_DEVICE_FLAGS_RESET (1 << 0)
#define ARCH_DEVICE_FLAGS_PCI (1 << 1)
/* Not imported (a chain of operators): generated, typed like flags too. */
#define ARCH_DEVICE_FLAGS_ALL (ARCH_DEVICE_FLAGS_RESET | ARCH_DEVICE_FLAGS_PCI | 4)
/* Does not fit flags' __u32: left with C's type. */
#define ARCH_DEVICE_FLAGS_INVALID (-1)
/* kind is a __u16. */
#define ARCH_DEVICE_KIND_GPU 3

/* Internal helpers: not API; the public name built from one keeps its value. */
#define __ARCH_DEPRECATED_0x04 _IO('A', 0x04)
#define ARCH_OLD_RESET __ARCH_DEPRECATED_0x04

#define ARCH_GET_INFO _IOR('A', 0x01, struct arch_device_info)
/* Argument size differs: 8 on x86_64 and aarch64, 4 on i386. */
#define ARCH_GET_LONG _IOR('A', 0x02, long)

#if defined(__x86_64__) || defined(__i386__)
#define ARCH_GET_MSRS _IOWR('A', 0x10, struct arch_device_info)
#endif
#ifdef __aarch64__
#define ARCH_ARM_VCPU_INIT _IOW('A', 0x20, struct arch_device_info)
#endif

#endif
