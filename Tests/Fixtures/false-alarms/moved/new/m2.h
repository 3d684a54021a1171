struct mv_info { int x; };
#define M2_KEEP 2
