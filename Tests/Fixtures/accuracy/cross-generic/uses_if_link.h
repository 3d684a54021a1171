/* A header built on a generic header whose cross-package copy is older:
 * every target must see /usr/include's copy, only asm/ may differ. */
#ifndef USES_IF_LINK_H
#define USES_IF_LINK_H
#include <linux/if_link.h>

struct uses_if_link {
	struct ifla_vf_mac mac;
	__u32 last_attribute;
};
#define USES_IF_LINK_LAST IFLA_MAX
#endif
