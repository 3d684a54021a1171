#ifndef _LINUX_PROBE_H
#define _LINUX_PROBE_H
#include <linux/types.h>
#include <asm/probe_regs.h>

struct probe {
	__le32 flags;
	struct probe_regs regs;
};
#endif
