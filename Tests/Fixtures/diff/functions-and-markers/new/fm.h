#ifndef FM_H
#define FM_H
#include <linux/types.h>
struct fm_info;
int fm_open(const char *path, int flags, int mode);
static inline __u64 fm_mask(__u64 bits) { return bits & 0xff; }
__u32 fm_version(void);
int fm_close(int fd);
#endif
