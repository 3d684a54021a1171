#include "third.h"
int lib_use(third_handle_t h);
int lib_cfg(const struct third_opts *o);
struct lib_unrelated { int x; };
