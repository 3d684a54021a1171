struct before { int a; };
#include "fuzz-fifo.h"
