#include "t.h"
int f(struct handle *h);
int g(void (*cb)(struct cbarg *));
