#ifndef FIXTURE_FUNCTIONS_H
#define FIXTURE_FUNCTIONS_H
#include <linux/types.h>

/* An empty feature marker, like arm64's __ARCH_WANT_RENAMEAT. */
#define FIXTURE_WANT_RING

struct fixture_ring {
	__u32 head;
	__u32 tail;
};

int fixture_setup(unsigned int entries, struct fixture_ring *ring);
long fixture_log(const char *format, ...);
void fixture_unnamed(int, __u64);

static inline __u32 fixture_ring_free(const struct fixture_ring *ring)
{
	return ring->tail - ring->head;
}
#endif
