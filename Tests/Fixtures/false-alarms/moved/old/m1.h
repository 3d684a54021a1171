struct mv_info { int x; };
#define M1_KEEP 1
