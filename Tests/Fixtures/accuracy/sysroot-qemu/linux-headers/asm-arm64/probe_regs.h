#ifndef _ASM_PROBE_REGS_H
#define _ASM_PROBE_REGS_H
/* arm64: five registers */
struct probe_regs { __u64 r[5]; };
#endif
