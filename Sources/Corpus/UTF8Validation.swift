/// UTF-8 validation in place, without building a String of the whole file.
enum UTF8Validation {
    /// The offset of the first byte that does not start a valid UTF-8
    /// sequence, or nil when all of `bytes` is valid UTF-8.
    static func firstInvalidOffset(in bytes: UnsafeRawBufferPointer) -> Int? {
        do {
            _ = try UTF8Span(validating: Span(_unsafeBytes: bytes))
            return nil
        } catch {
            return error.byteOffsets.lowerBound
        }
    }
}
