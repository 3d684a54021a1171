#define FOO 4
#define HANDLER 7
#define SCALE 3
#define STR_X 9
