struct ib_pd;
struct op_keep { int x; };
struct ib_pd *op_pd(void);
