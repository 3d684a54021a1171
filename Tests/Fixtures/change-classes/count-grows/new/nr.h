#define __NR_read 0
#define __NR_write 1
#define __NR_open 2
#define __NR_syscalls 3
#define FOO_CNT 5
