struct lib_ctx;
void lib_set(int level);
int lib_open(char *path, struct lib_ctx **out);
void lib_copy(int *dst, const int *src, unsigned long n);
void lib_name(char **names);
long lib_read(struct lib_ctx *ctx, void *buf, unsigned long n);
