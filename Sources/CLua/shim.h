#ifndef KIJI_CLUA_SHIM_H
#define KIJI_CLUA_SHIM_H
// Debian's liblua5.4-dev installs its headers under /usr/include/lua5.4,
// which pkg-config (lua5.4) adds to the include path.
#include <lua.h>
#include <lauxlib.h>
#include <lualib.h>
#endif
