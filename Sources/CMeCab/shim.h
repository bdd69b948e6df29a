#ifndef KIJI_CMECAB_SHIM_H
#define KIJI_CMECAB_SHIM_H
// Debian's libmecab-dev installs mecab.h in /usr/include (no pkg-config file).
#include <mecab.h>
#endif
