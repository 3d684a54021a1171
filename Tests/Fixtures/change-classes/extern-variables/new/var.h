typedef unsigned int var_flags_t;
extern const int var_errno;
extern long long var_limit;
extern char var_name[32];
extern int var_new;
extern var_flags_t var_mask;
extern const char *var_version;
