#include <linux/types.h>
struct fw_msg { __u32 len; union { __DECLARE_FLEX_ARRAY(__u8, data); __DECLARE_FLEX_ARRAY(__u32, words); }; };
