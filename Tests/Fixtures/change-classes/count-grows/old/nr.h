#define __NR_read 0
#define __NR_write 1
#define __NR_syscalls 2
#define FOO_CNT 4
