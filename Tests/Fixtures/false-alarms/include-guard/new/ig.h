#ifndef _UAPI_IG_H
#define _UAPI_IG_H
#define IG_VALUE 3
#endif
