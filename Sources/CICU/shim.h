#ifndef KIJI_CICU_SHIM_H
#define KIJI_CICU_SHIM_H
// Debian's libicu-dev (pkg-config icu-uc). Swift never calls ICU directly:
// its functions are macros renamed per ICU version (unorm2_normalize_72), so
// CTextShims wraps the few kiji needs.
#include <unicode/utypes.h>
#endif
