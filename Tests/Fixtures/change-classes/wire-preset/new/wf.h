#include <linux/types.h>
struct wf_hdr { __u16 type; __u16 len; __u32 seq; };
struct wf_blob { __u32 len; __u64 crc; };
#define WF_KIND_DATA 1
