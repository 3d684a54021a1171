/* Nested calls of a macro that repeats its argument: 4^11 terms in one expression overflowed even a 1 GiB stack (signal 11). */
#define F(x) x+x+x+x
#define BOMB F(F(F(F(F(F(F(F(F(F(F(1)))))))))))
