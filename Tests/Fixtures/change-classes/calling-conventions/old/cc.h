int cc_plain(int a, int b);
int cc_win(int a, int b);
int __attribute__((stdcall)) cc_std(int a);
int cc_regs(int a, int b, int c);
int __attribute__((ms_abi)) cc_same(int a);
int __attribute__((regparm(3))) k(int a, int b, int (*cb)(int) __attribute__((regparm(3))));
int __attribute__((regparm(2))) m(int a, int b, int c);
