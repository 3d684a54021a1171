#ifndef _ASM_PROBE_REGS_H
#define _ASM_PROBE_REGS_H
/* x86: three registers */
struct probe_regs { __u64 r[3]; };
#endif
