// Per-code-point NFKC facts for the lazy normaliser (Sources/Text/LazyNFKC.swift).
// ICU answers them; Swift caches the BMP answers in bitmaps so that the scan
// over a document calls ICU only where the text changes.
#include "kiji_text_shims.h"

#include <unicode/unorm2.h>
#include <unicode/ustring.h>

int kiji_nfkc_code_point_facts(int32_t code_point) {
    UErrorCode error = U_ZERO_ERROR;
    const UNormalizer2 *nfkc = unorm2_getNFKCInstance(&error);
    if (U_FAILURE(error)) return -1;
    int facts = 0;
    if (unorm2_hasBoundaryBefore(nfkc, code_point)) facts |= KIJI_NFKC_BOUNDARY_BEFORE;

    UChar unit[2];
    int32_t length = 0;
    u_strFromUTF32(unit, 2, &length, &code_point, 1, &error);
    if (U_FAILURE(error)) return -1;
    // Quick check YES settles most characters without normalising.
    UNormalizationCheckResult check = unorm2_quickCheck(nfkc, unit, length, &error);
    if (U_FAILURE(error)) return -1;
    if (check == UNORM_YES) return facts | KIJI_NFKC_UNCHANGED_ALONE;
    UChar normalized[64];
    int32_t normalized_length = unorm2_normalize(nfkc, unit, length, normalized, 64, &error);
    if (U_FAILURE(error)) return -1;
    if (normalized_length == length && u_strncmp(unit, normalized, length) == 0) facts |= KIJI_NFKC_UNCHANGED_ALONE;
    return facts;
}
