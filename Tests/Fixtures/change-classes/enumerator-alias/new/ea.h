enum ea_cs { EA_SRGB = 1, EA_OPRGB = 9, EA_BT = 10 };
#define EA_ADOBERGB EA_OPRGB
