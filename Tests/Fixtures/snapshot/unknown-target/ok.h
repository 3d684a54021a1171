#include <linux/types.h>

struct needs_missing { __u32 a; };
