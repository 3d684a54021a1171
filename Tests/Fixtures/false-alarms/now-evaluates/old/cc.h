#define CC_MASK (_BITUL(3))
