#define DEVICE <fuzz-device.h>
#include DEVICE
