#include <linux/types.h>
typedef struct { __u8 b[16]; } uuid_le;
#define UUID_LE(a) {a}
