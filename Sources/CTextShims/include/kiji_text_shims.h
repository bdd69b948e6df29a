#ifndef KIJI_TEXT_SHIMS_H
#define KIJI_TEXT_SHIMS_H
// ICU wrappers for the Text module. ICU renames its functions per version
// with macros, which Swift cannot follow; C can.

#include <stddef.h>
#include <stdint.h>
#include <unicode/umachine.h>

/// NFKC of UTF-8 text. Returns a malloc'd UTF-8 buffer (free with free())
/// and its length in *out_length, or NULL when ICU fails. When the text is
/// already normalised, *unchanged is set to 1 and NULL is returned.
char *kiji_nfkc_utf8(const char *text, int32_t length, int32_t *out_length, int *unchanged);

/// What NFKC does around one code point (bits of kiji_nfkc_code_point_facts).
/// ICU's hasBoundaryBefore: text can be normalised in pieces split before
/// this code point.
#define KIJI_NFKC_BOUNDARY_BEFORE 1
/// NFKC of this code point on its own is the code point itself.
#define KIJI_NFKC_UNCHANGED_ALONE 2

/// The KIJI_NFKC_* facts of a code point, or -1 when ICU fails.
int kiji_nfkc_code_point_facts(int32_t code_point);

/// UTF-16 text decoded from a legacy encoding.
typedef struct {
    /// malloc'd code units (free with free()), or NULL on failure.
    UChar *units;
    size_t count;
    /// On failure, the byte offset of the first sequence that is not valid
    /// in the encoding; -1 when ICU itself failed.
    int64_t bad_offset;
} KijiDecodedText;

/// Decodes `bytes` from `charset` (an ICU converter name such as
/// "windows-31j" or "EUC-JP"), stopping at the first illegal or unassigned
/// byte sequence instead of substituting U+FFFD.
KijiDecodedText kiji_decode_strict(const char *charset, const char *bytes, size_t length);

#endif
