typedef unsigned long dup_t;
