struct lib_ctx;
void lib_set(const int level);
int lib_open(const char *path, struct lib_ctx **out);
void lib_copy(int *restrict dst, const int *restrict src, unsigned long n);
void lib_name(const char **names);
long lib_read(struct lib_ctx *ctx, void *buf, unsigned int n);
