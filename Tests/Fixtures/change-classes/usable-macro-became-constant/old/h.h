#define FOO(x) ((x) << 1)
#define HANDLER ((void *)1)
#define SCALE 2.5f
#define STR_X(a) #a
