#ifndef __BITS_PER_LONG
#define __BITS_PER_LONG 32
#endif
