/* Unnamed bit-fields are padding: two or more of them in one record once paired
 * with each other and made a header differ from itself (linux/bpf.h, timex.h). */
#ifndef FIXTURE_BITFIELDS_H
#define FIXTURE_BITFIELDS_H
struct padded_flags {
	unsigned int a:4;
	unsigned int :4;
	unsigned int b:8;
	unsigned int :16;
	unsigned long long c;
	unsigned int :32;
	unsigned int d;
};
#endif
