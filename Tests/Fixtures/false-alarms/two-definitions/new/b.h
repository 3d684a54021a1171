typedef unsigned int dup_t;
