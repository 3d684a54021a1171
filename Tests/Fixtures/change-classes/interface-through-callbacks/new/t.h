struct handle { int a; long b; };
struct cbarg { long a; };
