#include <linux/types.h>
typedef struct { __u8 b[16]; } ta_guid_t;
#define ta_uuid_le ta_guid_t
struct ta_u { ta_guid_t id; };
