#ifndef _LINUX_OUTSIDE_H
#define _LINUX_OUTSIDE_H
/* This tree has no linux/const.h: it must not come from the build machine. */
#include <linux/const.h>
#include <linux/types.h>
struct outside { __le32 a; };
#endif
