/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A driver header in the style of drivers/infiniband/hw/vmw_pvrdma/pvrdma_dev_api.h:
 * kernel-internal types (u32, __le64, bool), BIT(), __packed and __aligned().
 * Written for uapi's tests.
 */
#ifndef __PVRDMA_LIKE_DEV_API_H__
#define __PVRDMA_LIKE_DEV_API_H__

#define PVRDMA_LIKE_VERSION 17
#define PVRDMA_LIKE_BOARD_ID 1
#define PVRDMA_LIKE_GID_TYPE_FLAG_ROCE_V1 BIT(0)
#define PVRDMA_LIKE_GID_TYPE_FLAG_ROCE_V2 BIT(1)
#define PVRDMA_LIKE_MASK_ALL GENMASK(7, 0)
#define PVRDMA_LIKE_RING_HIGH BIT_ULL(40)

enum pvrdma_like_cmd_typ {
	PVRDMA_LIKE_CMD_FIRST,
	PVRDMA_LIKE_CMD_QUERY_PORT = PVRDMA_LIKE_CMD_FIRST,
	PVRDMA_LIKE_CMD_QUERY_PKEY,
	PVRDMA_LIKE_CMD_MAX,
};

struct pvrdma_like_device_caps {
	u64 fw_ver;
	__be64 node_guid;
	__be64 sys_image_guid;
	u64 max_mr_size;
	u32 max_qp;
	u8 atomic_ops;
	u8 bmme_flags;
	u8 gid_types;
	u8 reserved;
	__le32 max_fast_reg_page_list_len;
	bool ok;
};

struct pvrdma_like_cmd_hdr {
	u64 response;
	u32 cmd;
	u32 reserved;
} __packed;

struct pvrdma_like_ring_state {
	u32 prod_tail;
	u32 cons_head;
} __aligned(8);

struct pvrdma_like_cmd_query_port {
	struct pvrdma_like_cmd_hdr hdr;
	u8 port_num;
	u8 reserved[7];
};

#endif /* __PVRDMA_LIKE_DEV_API_H__ */
