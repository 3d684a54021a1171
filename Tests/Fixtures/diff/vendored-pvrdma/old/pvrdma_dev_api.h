/* A QEMU-style vendored copy of a driver header, rewritten to portable types. */
#include <stdint.h>

#define PVRDMA_VERSION 17

struct pvrdma_device_caps {
	uint64_t fw_ver;
	uint64_t node_guid;
	uint32_t max_qp;
	uint8_t atomic_ops;
	uint8_t bmme_flags;
	uint8_t gid_types;
	uint8_t reserved;
};

struct pvrdma_cmd_hdr {
	uint64_t response;
	uint32_t cmd;
	uint32_t reserved;
};

struct pvrdma_ring {
	uint32_t prod_tail;
	uint32_t cons_head;
};
