#define __NR_clone3 435
#define __NR_x 3
