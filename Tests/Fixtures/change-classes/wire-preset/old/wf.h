#include <linux/types.h>
struct wf_hdr { __u16 kind; __u16 len; __u32 seq; };
struct wf_blob { __u32 len; __u32 crc; };
#define WF_KIND_DATA 1
#define WF_HELPER(x) ((x) + 1)
typedef __u32 wf_seq_t;
