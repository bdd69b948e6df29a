extension JSONLinesReader {
    /// The calendar date of an ISO 8601 date or date-time, as written (the
    /// local date; the offset is checked but not applied):
    /// `YYYY-MM-DD[(T| )hh:mm[:ss[(.|,)fraction]]][Z|z|±hh[[:]mm]]`.
    /// Read byte by byte: a Regex took 30-55 µs per date.
    public static func parseDate(_ text: String) -> CalendarDate? {
        if let parsed = text.utf8.withContiguousStorageIfAvailable({ parseDate(bytes: $0) }) { return parsed }
        return Array(text.utf8).withUnsafeBufferPointer { parseDate(bytes: $0) }
    }

    static func parseDate(bytes: UnsafeBufferPointer<UInt8>) -> CalendarDate? {
        var reader = DateBytes(bytes: bytes)
        guard let year = reader.digits(4), reader.take("-"), let month = reader.digits(2), reader.take("-"),
              let day = reader.digits(2) else { return nil }
        if reader.take("T") || reader.take(" ") {
            // A time, when given, must be a clock time: 25:99 is a typo, not a date.
            guard let hour = reader.digits(2), hour <= 24, reader.take(":"), let minute = reader.digits(2), minute <= 59 else { return nil }
            if reader.take(":") {
                guard let second = reader.digits(2), second <= 60 else { return nil }
                if reader.take(".") || reader.take(",") {
                    guard reader.skipDigits() else { return nil }
                }
            }
        }
        if reader.take("Z") || reader.take("z") {
            // UTC.
        } else if reader.take("+") || reader.take("-") {
            guard reader.digits(2) != nil else { return nil }
            if reader.take(":") {
                guard reader.digits(2) != nil else { return nil }
            } else if !reader.atEnd {
                guard reader.digits(2) != nil else { return nil }
            }
        }
        guard reader.atEnd else { return nil }
        return CalendarDate(year: year, month: month, day: day)
    }
}

/// A cursor over the bytes of a written date.
private struct DateBytes {
    let bytes: UnsafeBufferPointer<UInt8>
    var index = 0

    var atEnd: Bool { index == bytes.count }

    mutating func take(_ character: Unicode.Scalar) -> Bool {
        guard index < bytes.count, bytes[index] == UInt8(ascii: character) else { return false }
        index += 1
        return true
    }

    /// Exactly `count` ASCII digits, as a number.
    mutating func digits(_ count: Int) -> Int? {
        guard bytes.count - index >= count else { return nil }
        var value = 0
        for _ in 0..<count {
            let byte = bytes[index]
            guard (0x30...0x39).contains(byte) else { return nil }
            value = value * 10 + Int(byte - 0x30)
            index += 1
        }
        return value
    }

    /// One or more digits.
    mutating func skipDigits() -> Bool {
        let start = index
        while index < bytes.count, (0x30...0x39).contains(bytes[index]) { index += 1 }
        return index > start
    }
}
