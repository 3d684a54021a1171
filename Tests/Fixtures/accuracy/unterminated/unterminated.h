#ifndef UNTERMINATED_H
#define UNTERMINATED_H
#define UNTERMINATED_VERSION 2

struct unterminated {
	unsigned int flags;
	unsigned long long address;
/* the closing brace and semicolon are missing */

#endif
