#ifndef KIJI_TEXT_SHIMS_H
#define KIJI_TEXT_SHIMS_H
// ICU wrappers for the Text module. ICU renames its functions per version
// with macros, which Swift cannot follow; C can.

#include <stdint.h>

/// NFKC of UTF-8 text. Returns a malloc'd UTF-8 buffer (free with free())
/// and its length in *out_length, or NULL when ICU fails. When the text is
/// already normalised, *unchanged is set to 1 and NULL is returned.
char *kiji_nfkc_utf8(const char *text, int32_t length, int32_t *out_length, int *unchanged);

#endif
