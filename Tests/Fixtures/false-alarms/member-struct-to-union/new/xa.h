/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/* Like kvm_xen_hvm_attr after 6.9: shared_info became a union of gfn and hva. */
#include <linux/types.h>
struct xa_attr {
	__u16 type;
	__u16 pad[3];
	union {
		__u8 long_mode;
		union {
			__u64 gfn;
			__u64 hva;
		} shared_info;
		__u64 pad[8];
	} u;
};
