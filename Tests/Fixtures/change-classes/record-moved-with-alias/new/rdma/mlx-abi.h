#include <linux/types.h>
#include <rdma/rd_user_verbs.h>
/* deprecated, see struct ib_uverbs_clock_info */
#define mlx_ib_clock_info ib_uverbs_clock_info
