#include "kiji_text_shims.h"

#include <stdint.h>
#include <stdlib.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>

char *kiji_nfkc_utf8(const char *text, int32_t length, int32_t *out_length, int *unchanged) {
    UErrorCode error = U_ZERO_ERROR;
    *unchanged = 0;
    const UNormalizer2 *nfkc = unorm2_getNFKCInstance(&error);
    if (U_FAILURE(error)) return NULL;

    int32_t utf16_length = 0;
    u_strFromUTF8(NULL, 0, &utf16_length, text, length, &error);
    if (error != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(error)) return NULL;
    if (utf16_length < 0 || utf16_length >= INT32_MAX - 1) return NULL;  // the +1 below must not overflow
    error = U_ZERO_ERROR;
    UChar *source = malloc(sizeof(UChar) * (size_t)(utf16_length + 1));
    if (!source) return NULL;
    u_strFromUTF8(source, utf16_length + 1, NULL, text, length, &error);
    if (U_FAILURE(error)) { free(source); return NULL; }

    // Most Japanese text is already NFKC; skip the copy then.
    int32_t stable = unorm2_spanQuickCheckYes(nfkc, source, utf16_length, &error);
    if (U_SUCCESS(error) && stable == utf16_length) {
        free(source);
        *unchanged = 1;
        return NULL;
    }
    error = U_ZERO_ERROR;
    int32_t normalized_length = unorm2_normalize(nfkc, source, utf16_length, NULL, 0, &error);
    if (error != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(error)) { free(source); return NULL; }
    if (normalized_length < 0 || normalized_length >= INT32_MAX - 1) { free(source); return NULL; }
    error = U_ZERO_ERROR;
    UChar *normalized = malloc(sizeof(UChar) * (size_t)(normalized_length + 1));
    if (!normalized) { free(source); return NULL; }
    unorm2_normalize(nfkc, source, utf16_length, normalized, normalized_length + 1, &error);
    free(source);
    if (U_FAILURE(error)) { free(normalized); return NULL; }

    int32_t utf8_length = 0;
    u_strToUTF8(NULL, 0, &utf8_length, normalized, normalized_length, &error);
    if (error != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(error)) { free(normalized); return NULL; }
    if (utf8_length < 0 || utf8_length >= INT32_MAX - 1) { free(normalized); return NULL; }
    error = U_ZERO_ERROR;
    char *result = malloc((size_t)utf8_length + 1);
    if (!result) { free(normalized); return NULL; }
    u_strToUTF8(result, utf8_length + 1, NULL, normalized, normalized_length, &error);
    free(normalized);
    if (U_FAILURE(error)) { free(result); return NULL; }
    *out_length = utf8_length;
    return result;
}
