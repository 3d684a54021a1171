#include <linux/types.h>
struct uc_hdr {
	__u64 response;
	__u32 cmd;
	__u32 reserved;
};
struct uc_create {
	struct uc_hdr hdr;
	__u32 pfn;
	__u8 reserved[4];
};
