#include <linux/types.h>
struct pv_ring { __u32 prod; __u32 cons; };
struct pv_old_cmd { __u32 op; };
int pv_ring_init(struct pv_ring *ring);
void pv_ring_free(struct pv_ring *ring);
#define PV_MAGIC 0x50
