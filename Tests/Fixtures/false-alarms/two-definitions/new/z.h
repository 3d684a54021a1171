#define Z_KEEP 1
