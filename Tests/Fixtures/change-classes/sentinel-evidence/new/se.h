enum se_r { SE_OK = 0, SE_ERROR = 99 };
enum se_l { SE_A, SE_B, SE_C = 5 };
enum se_n { SE_X, SE_Y, SE_Z, SE_NUM_N };
