long f(long a);
extern long v;
enum e2 { X1 = 1, XBIG = 0x100000000 };
#define M(x, y) (x)
