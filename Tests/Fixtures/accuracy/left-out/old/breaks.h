#ifndef BREAKS_H
#define BREAKS_H
struct breaks { unsigned int a; unsigned int b; };
#define BREAKS_FLAG 2
#endif
