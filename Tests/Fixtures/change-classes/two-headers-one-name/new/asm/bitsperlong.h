#define __BITS_PER_LONG 64
