#include <linux/types.h>
#include <linux/does_not_exist.h>

struct needs_missing { __u32 a; };
