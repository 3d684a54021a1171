/* Every lint rule, triggered and not triggered. Written for uapi's tests. */
#include <linux/types.h>
#include <linux/ioctl.h>

/* Clean: fixed-width types, natural alignment, no padding. */
struct lint_clean {
	__u32 argsz;
	__u32 flags;
	__aligned_u64 addr;
	__u64 size;
	__u32 data[];
};

/* implicit-hole: 3 bytes after kind, on every target. */
struct lint_hole {
	__u8 kind;
	__u32 value;
};

/* tail-padding on x86_64 only, so layout-divergence too. */
struct lint_tail {
	__u64 addr;
	__u32 len;
};

/* unaligned-u64 on i386: b sits at offset 4 there. */
struct lint_unaligned {
	__u32 a;
	__u64 b;
};

enum lint_mode {
	LINT_MODE_A,
	LINT_MODE_B,
};

/* non-fixed-width: int, long, a pointer, an enum. */
struct lint_types {
	int count;
	long cookie;
	void *ptr;
	enum lint_mode mode;
	__u32 ok;
};

/* old-flexible-array: [0]. */
struct lint_old_flex {
	__u32 count;
	__u32 entries[0];
};

/* bitfield. */
struct lint_bits {
	__u32 mode:4;
	__u32 rest:28;
};

/* ioctl-size-divergence for the first, not the second. */
#define LINT_GET_TAIL _IOR('L', 1, struct lint_tail)
#define LINT_GET_CLEAN _IOR('L', 2, struct lint_clean)

/* duplicate-value: C repeats B; the sentinel MAX may. */
enum lint_dup {
	LINT_DUP_A = 1,
	LINT_DUP_B = 2,
	LINT_DUP_C = 2,
	LINT_DUP_MAX = 2,
};

#define LINT_FLAG_READ (1 << 0)
#define LINT_FLAG_WRITE (1 << 1)
#define LINT_FLAG_EXEC (1 << 1)
#define LINT_FLAG_ALL (LINT_FLAG_READ | LINT_FLAG_WRITE)
