int cc_plain(int a, int b);
int __attribute__((ms_abi)) cc_win(int a, int b);
int cc_std(int a);
int __attribute__((regparm(3))) cc_regs(int a, int b, int c);
int __attribute__((ms_abi)) cc_same(int a);
int k(int a, int b, int (*cb)(int) __attribute__((regparm(3))));
int __attribute__((regparm(3))) m(int a, int b, int c);
