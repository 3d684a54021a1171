#define KO_A BIT(30)
#define KO_M GENMASK_ULL(3, 0)
