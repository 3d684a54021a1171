/* Compatible growth: tail extension of argsz structs, reserved fields put to use,
 * new enumerators with a sentinel, new constants. */
#include <linux/types.h>

struct ext_info {
	__u32 argsz;
	__u32 flags;
	__u32 num_regions;
	__u32 num_irqs;
	__u32 cap_offset;
	__u32 pad;
};

struct ext_fixed {
	__u32 kind;
	__u32 value;
	__u32 extra;
};

struct ext_reserved {
	__u32 flags;
	__u16 vector;
	__u16 count;
	__u64 addr;
};

struct ext_flex {
	__u32 count;
	__u32 pad;
	__u64 data[];
};

/* A field moved into an anonymous union keeps its name and offset. */
struct ext_dependent {
	struct {
		__u32 segment;
	} loc;
	union {
		__u32 group_id;
		__u32 devid;
	};
};

enum ext_irq_index {
	EXT_IRQ_INTX,
	EXT_IRQ_MSI,
	EXT_IRQ_MSIX,
	EXT_IRQ_NUM,
};

#define EXT_FLAG_RESET (1 << 0)
#define EXT_FLAG_NOIOMMU (1 << 1)
