/* Upstream's driver header, in kernel-internal types. */
#define PVRDMA_VERSION 17

struct pvrdma_device_caps {
	u64 fw_ver;
	__be64 node_guid;
	u32 max_qp;
	u8 atomic_ops;
	u8 bmme_flags;
	u8 gid_types;
	u8 reserved;
};

struct pvrdma_cmd_hdr {
	u64 response;
	u32 cmd;
	u32 reserved;
};

/* Upstream widened this field since the copy was made. */
struct pvrdma_ring {
	u32 prod_tail;
	u64 cons_head;
};
