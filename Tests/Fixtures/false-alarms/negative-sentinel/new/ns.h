enum ns_resp {
	NS_FIRST_RESP = (1 << 31),
	NS_ONE_RESP,
	NS_TWO_RESP,
	NS_MAX_RESP,
};
