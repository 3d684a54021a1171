enum ea_cs { EA_SRGB = 1, EA_ADOBERGB = 9, EA_BT = 10 };
