#ifndef _LINUX_TYPES_H
#define _LINUX_TYPES_H

/* QEMU's copy is empty: its osdep.h provides uint*_t before any of these headers. */

#endif
