#include <linux/mei_uuid.h>
struct mei_x { uuid_le id; };
