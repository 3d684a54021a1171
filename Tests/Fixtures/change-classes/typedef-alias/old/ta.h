#include <linux/types.h>
typedef struct { __u8 b[16]; } ta_uuid_le;
struct ta_u { ta_uuid_le id; };
