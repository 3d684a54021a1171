#include <linux/types.h>
struct rd_verbs_cmd { __u32 op; };
struct ib_uverbs_clock_info { __u32 sign; __u32 resv; __u64 nsec; };
