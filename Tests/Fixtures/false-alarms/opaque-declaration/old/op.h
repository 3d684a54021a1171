struct ib_pd;
struct op_keep { int x; };
