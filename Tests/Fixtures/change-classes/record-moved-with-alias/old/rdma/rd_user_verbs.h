#include <linux/types.h>
struct rd_verbs_cmd { __u32 op; };
