#define M2_KEEP 2
