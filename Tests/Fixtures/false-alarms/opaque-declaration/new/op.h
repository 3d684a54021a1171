struct op_keep { int x; };
