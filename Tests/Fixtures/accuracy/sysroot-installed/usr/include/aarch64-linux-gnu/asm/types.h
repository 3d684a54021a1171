#ifndef _ASM_TYPES_H
#define _ASM_TYPES_H
typedef unsigned int __u32;
typedef unsigned long long __u64;
#endif
