#ifndef _IG_OLD_H
#define _IG_OLD_H 1
#define IG_VALUE 3
#endif
