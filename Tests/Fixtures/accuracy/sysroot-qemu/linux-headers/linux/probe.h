#ifndef _LINUX_PROBE_H
#define _LINUX_PROBE_H
/* QEMU copies a few headers; linux/types.h and asm/types.h are the build machine's. */
#include <linux/types.h>
#include <asm/probe_regs.h>

struct probe {
	__le32 flags;
	struct probe_regs regs;
};
#endif
