#define US_A (1U << 3)
#define US_B 0x10U
