typedef unsigned long dup_t;
#define Z_KEEP 1
