/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/* Like kvm_xen_hvm_attr before 6.9: shared_info is a struct holding gfn. */
#include <linux/types.h>
struct xa_attr {
	__u16 type;
	__u16 pad[3];
	union {
		__u8 long_mode;
		struct {
			__u64 gfn;
		} shared_info;
		__u64 pad[8];
	} u;
};
