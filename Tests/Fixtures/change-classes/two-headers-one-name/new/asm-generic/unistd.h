#define __NR_clone3 435
#define __NR_read 63
