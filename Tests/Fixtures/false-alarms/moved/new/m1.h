#define M1_KEEP 1
