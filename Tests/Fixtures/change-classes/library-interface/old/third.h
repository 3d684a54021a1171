typedef struct { int fd; } third_handle_t;
struct third_opts { int a; };
