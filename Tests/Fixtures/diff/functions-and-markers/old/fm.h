#ifndef FM_H
#define FM_H
#include <linux/types.h>
#define __ARCH_WANT_FM_LEGACY
struct fm_info;
int fm_open(const char *path, int flags);
static inline __u32 fm_mask(__u32 bits) { return bits & 0xff; }
unsigned int fm_version(void);
#endif
