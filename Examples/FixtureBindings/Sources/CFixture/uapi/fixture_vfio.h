/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/* A small header in the style of linux/vfio.h, written for uapi's tests. */
#ifndef _FIXTURE_VFIO_H
#define _FIXTURE_VFIO_H

#include <linux/types.h>
#include <linux/ioctl.h>

#define FIX_API_VERSION 0
#define FIX_TYPE (';')
#define FIX_BASE 100
#define FIX_NAME_STRING "fixture-pci"
#define FIX_FLAG_RESET (1 << 0)
#define FIX_FLAG_HIGH (1U << 31)
#define FIX_ALL_ONES (~0ULL)
#define FIX_MIN_S64 (-0x7fffffffffffffffLL - 1)
#define FIX_NEGATIVE (-5)
#define FIX_ULONG_MAX (~0UL)
#define FIX_SIZEOF_INFO sizeof(struct fix_device_info)
#define FIX_TYPEDEF_ALIAS __u32
#define FIX_STATE_IS_ERROR(state) ((state) == 3)

/* The v1 migration device states, as macros. */
#define FIX_DEVICE_STATE_V1_STOP 0
#define FIX_DEVICE_STATE_V1_RUNNING (1 << 0)

/* The v2 device states, as an enum. */
enum fix_device_mig_state {
	FIX_DEVICE_STATE_ERROR = 0,
	FIX_DEVICE_STATE_STOP = 1,
	FIX_DEVICE_STATE_RUNNING = 2,
};

enum fix_signed_enum {
	FIX_SIGNED_LOW = -2,
	FIX_SIGNED_HIGH = 7,
};

enum {
	FIX_PCI_BAR0_REGION_INDEX,
	FIX_PCI_BAR1_REGION_INDEX,
	FIX_PCI_NUM_REGIONS = 9
};

typedef __u32 fix_handle_t;

struct fix_info_cap_header {
	__u16 id;
	__u16 version;
	__u32 next;
};

struct fix_device_info {
	__u32 argsz;
	__u32 flags;
	__u32 num_regions;
	__u32 num_irqs;
	__u32 cap_offset;
	__u32 pad;
};

/* __u64 after an odd number of __u32: 8-byte aligned on x86_64, 4 on i386. */
struct fix_iommu_info {
	__u32 argsz;
	__u32 flags;
	__u64 iova_pgsizes;
	__u32 cap_offset;
};

struct fix_sparse_mmap_area {
	__u64 offset;
	__u64 size;
};

struct fix_region_info_cap_sparse_mmap {
	struct fix_info_cap_header header;
	__u32 nr_areas;
	__u32 reserved;
	struct fix_sparse_mmap_area areas[];
};

/* An array of an anonymous struct type, and an anonymous union member. */
struct fix_irq_set {
	__u32 argsz;
	__u32 flags;
	struct {
		__u32 start;
		__u32 count;
	} ranges[2];
	union {
		__u32 eventfd;
		__u64 value;
	};
	__u8 data[];
};

/* Bit-fields and a packed record. */
struct fix_bits {
	__u32 enable:1;
	__u32 mode:3;
	__u32 :4;
	__u32 level:8;
	__u16 tail;
};

struct fix_packed {
	__u8 kind;
	__u32 value;
	__u64 wide;
} __attribute__((packed));

struct fix_aligned {
	__u32 a;
} __attribute__((aligned(16)));

typedef struct {
	__u32 lo;
	__u32 hi;
} fix_pair_t;

struct fix_opaque;

#define FIX_GET_API_VERSION _IO(FIX_TYPE, FIX_BASE + 0)
#define FIX_DEVICE_GET_INFO _IOR(FIX_TYPE, FIX_BASE + 7, struct fix_device_info)
#define FIX_IOMMU_GET_INFO _IOWR(FIX_TYPE, FIX_BASE + 12, struct fix_iommu_info)
#define FIX_SET_HANDLE _IOW(FIX_TYPE, FIX_BASE + 13, fix_handle_t)

#endif /* _FIXTURE_VFIO_H */
