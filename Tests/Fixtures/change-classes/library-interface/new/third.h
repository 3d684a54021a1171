typedef struct { long fd; } third_handle_t;
struct third_opts { int a; int b; };
