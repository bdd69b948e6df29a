// Strict decoding of legacy Japanese encodings (CP932, EUC-JP) with ICU's
// converters. ICU substitutes U+FFFD for bad bytes by default, which would
// hide a wrong guess of the encoding; here the first bad byte stops the
// conversion and is reported, so the caller can try another encoding.
#include "kiji_text_shims.h"

#include <stdlib.h>
#include <unicode/ucnv.h>

KijiDecodedText kiji_decode_strict(const char *charset, const char *bytes, size_t length) {
    KijiDecodedText result = { NULL, 0, -1 };
    UErrorCode error = U_ZERO_ERROR;
    UConverter *converter = ucnv_open(charset, &error);
    if (U_FAILURE(error)) return result;
    ucnv_setToUCallBack(converter, UCNV_TO_U_CALLBACK_STOP, NULL, NULL, NULL, &error);
    if (U_FAILURE(error)) { ucnv_close(converter); return result; }

    // Each character of these encodings takes at least one byte and is in
    // the BMP, so length + 1 code units nearly always suffice; grow if not.
    size_t capacity = length + 1;
    UChar *units = malloc(capacity * sizeof(UChar));
    const char *source = bytes;
    size_t used = 0;
    while (units) {
        UChar *target = units + used;
        error = U_ZERO_ERROR;
        ucnv_toUnicode(converter, &target, units + capacity, &source, bytes + length, NULL, 1, &error);
        used = (size_t)(target - units);
        if (error != U_BUFFER_OVERFLOW_ERROR) break;
        UChar *grown = realloc(units, capacity * 2 * sizeof(UChar));
        if (!grown) { free(units); units = NULL; break; }
        units = grown;
        capacity *= 2;
    }
    if (units && U_FAILURE(error)) {
        char invalid[32];
        int8_t invalid_length = sizeof invalid;
        UErrorCode ignored = U_ZERO_ERROR;
        ucnv_getInvalidChars(converter, invalid, &invalid_length, &ignored);
        if (U_FAILURE(ignored)) invalid_length = 0;
        result.bad_offset = (int64_t)(source - bytes) - invalid_length;
        free(units);
        units = NULL;
    }
    ucnv_close(converter);
    result.units = units;
    result.count = units ? used : 0;
    return result;
}
