typedef unsigned int var_flags_t;
extern const int var_errno;
extern long long var_limit;
extern char var_name[32];
extern int var_new;
extern var_flags_t var_mask;
extern const char *var_version;
struct var_d { int a; };
static const struct var_d var_table[] = { {1}, {2}, {3} };
