#define AW_X 1
