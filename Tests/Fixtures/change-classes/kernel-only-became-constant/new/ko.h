#include <linux/const.h>
#define KO_A (1 << 30)
#define KO_M _BITULL(0)
