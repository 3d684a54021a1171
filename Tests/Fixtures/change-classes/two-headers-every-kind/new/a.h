int f(int a);
extern int v;
enum e2 { X1 = 1 };
#define M(x) (x)
