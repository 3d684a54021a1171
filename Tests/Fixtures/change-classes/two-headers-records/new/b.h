#define FOO 2
struct s { int x; long y; };
typedef long my_t;
enum e { E1, E2 = 7 };
