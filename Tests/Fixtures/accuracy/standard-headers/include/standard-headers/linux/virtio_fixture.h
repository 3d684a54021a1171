#ifndef _LINUX_VIRTIO_FIXTURE_H
#define _LINUX_VIRTIO_FIXTURE_H
/* Like QEMU's include/standard-headers: __u32 rewritten as uint32_t, no <stdint.h>. */
#include "standard-headers/linux/types.h"

struct virtio_fixture_config {
	uint32_t features;
	uint64_t address;
	uint16_t queues;
};
#define VIRTIO_FIXTURE_F_MQ 22
#endif
