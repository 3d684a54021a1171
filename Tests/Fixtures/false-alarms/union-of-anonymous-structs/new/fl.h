#include <linux/types.h>
struct fl_lookup {
	__u32 family;
	union {
		struct {
			__u8 smac[6];
			__u8 dmac[6];
		};
		struct {
			__u32 mark;
			__u32 flags;
		};
	};
};
