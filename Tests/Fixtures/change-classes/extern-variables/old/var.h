typedef unsigned int var_flags_t;
extern int var_errno;
extern long var_limit;
extern char var_name[16];
extern int var_old;
extern unsigned int var_mask;
extern const char *var_version;
struct var_d { int a; };
static const struct var_d var_table[] = { {1}, {2} };
