/* Not found as <fuzz-fifo.h>, clang reads it as "fuzz-fifo.h" beside the header: a hang until that was checked too. */
struct before { int a; };
#include <fuzz-fifo.h>
