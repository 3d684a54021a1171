#ifndef BREAKS_H
#define BREAKS_H
/* This version does not parse on its own: it must be left out, not reported as removed. */
struct breaks { unsigned int a; undeclared_type_t b; };
#define BREAKS_FLAG 2
#endif
