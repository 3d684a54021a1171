#define FOO 1
struct s { int x; int y; };
typedef int my_t;
enum e { E1, E2 };
