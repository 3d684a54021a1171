#include <linux/types.h>
struct of_ev { __u32 type; union { __u32 flags; __u8 pad[8]; } u; __u32 after; };
struct of_se { __u32 t; __u64 f; };
struct of_run { __u32 k; union { struct { __u32 t; __u64 f; } system_event; char padding[256]; }; };
struct of_ty { __u32 a; __u32 b; __u32 c; __u32 d; };
struct of_al { __u32 a; __u64 addr; __u32 len; };
