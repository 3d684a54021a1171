#define US_A (1 << 3)
#define US_B 0x10
