#include <linux/const.h>
#define CC_MASK (_BITUL(3))
