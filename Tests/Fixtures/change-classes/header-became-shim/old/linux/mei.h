#include <linux/uuid.h>
struct mei_x { uuid_le id; };
