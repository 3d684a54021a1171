struct handle { int a; int b; };
struct cbarg { int a; };
