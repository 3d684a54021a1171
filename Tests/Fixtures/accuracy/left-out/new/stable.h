#ifndef STABLE_H
#define STABLE_H
struct stable { unsigned int a; };
#define STABLE_FLAG 1
#endif
