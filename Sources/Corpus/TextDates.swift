/// Finds full dates written in text. A partial date (10月29日, 2025年1月) is
/// not a date: without the year or the day the publication date is unknown.
public enum TextDates {
    /// The first full, valid date in `text` (which should be NFKC-normalised,
    /// so full-width digits are ASCII), or nil.
    ///
    /// Recognised: 2025年1月31日 (also 2025年10月27〜28日), 令和7年1月31日,
    /// 2025/01/31, 2025-01-31 and 2025.01.31.
    public static func firstDate(in text: String) -> CalendarDate? {
        if let found = text.utf8.withContiguousStorageIfAvailable({ firstDate(in: $0) }) { return found }
        return firstDate(in: Array(text.utf8))
    }

    /// The same for UTF-8 bytes.
    public static func firstDate(in bytes: [UInt8]) -> CalendarDate? {
        bytes.withUnsafeBufferPointer { firstDate(in: $0) }
    }

    /// The same for UTF-8 bytes.
    public static func firstDate(in bytes: UnsafeBufferPointer<UInt8>) -> CalendarDate? {
        // The patterns run only where a date can start (a run of four digits,
        // or an era name), on a short window: running them over the whole text
        // cost seconds per megabyte, which made one huge record load slowly.
        for candidate in candidates(in: bytes) {
            if let date = dateStarting(in: bytes, at: candidate) { return date }
        }
        return nil
    }

    /// Byte offsets, in order, of the character just before each run of four
    /// or more digits (or of the run itself at the start), and of era names.
    private static func candidates(in bytes: UnsafeBufferPointer<UInt8>) -> [Int] {
        var result: [Int] = []
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if isDigit(byte) {
                let runStart = index
                while index < bytes.count, isDigit(bytes[index]) { index += 1 }
                if index - runStart >= 4 { result.append(characterStart(in: bytes, before: runStart)) }
                continue
            }
            if byte >= 0xE4, byte <= 0xE6, index + 2 < bytes.count, isEraStart(byte, bytes[index + 1], bytes[index + 2]) {
                result.append(index)
            }
            index += 1
        }
        return result
    }

    /// The date whose match starts exactly at `offset`, looking at a window
    /// longer than any date (so lookaheads see what follows it).
    private static func dateStarting(in bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> CalendarDate? {
        var end = min(bytes.count, offset + windowBytes)
        while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
        let window = String(decoding: UnsafeBufferPointer(rebasing: bytes[offset..<end]), as: UTF8.self)
        if let match = window.prefixMatch(of: kanjiDate), let date = date(match.output.1, match.output.2, match.output.3) {
            return date
        }
        if let match = window.prefixMatch(of: eraDate), let offset = eraOffsets[String(match.output.1)] {
            let yearInEra = match.output.2 == "元" ? 1 : Int(match.output.2) ?? 0
            if let date = date("\(offset + yearInEra)", match.output.3, match.output.4) { return date }
        }
        if let match = window.prefixMatch(of: numericDate), match.output.2 == match.output.4,
           let date = date(match.output.1, match.output.3, match.output.5) {
            return date
        }
        return nil
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    /// The offset of the character that ends just before `offset` (or 0).
    private static func characterStart(in bytes: UnsafeBufferPointer<UInt8>, before offset: Int) -> Int {
        guard offset > 0 else { return 0 }
        var start = offset - 1
        while start > 0, bytes[start] & 0xC0 == 0x80 { start -= 1 }
        return start
    }

    /// Longer than any date the patterns match, plus what their lookaheads read.
    private static let windowBytes = 96
    /// Whether three bytes are the UTF-8 of 令, 平 or 昭, the first characters of the eras.
    private static func isEraStart(_ first: UInt8, _ second: UInt8, _ third: UInt8) -> Bool {
        switch (first, second, third) {
        case (0xE4, 0xBB, 0xA4), (0xE5, 0xB9, 0xB3), (0xE6, 0x98, 0xAD): true
        default: false
        }
    }

    private static func date(_ y: Substring, _ m: Substring, _ d: Substring) -> CalendarDate? {
        guard let year = Int(y), let month = Int(m), let day = Int(d), year >= 1000 else { return nil }
        return CalendarDate(year: year, month: month, day: day)
    }

    private static func date(_ y: String, _ m: Substring, _ d: Substring) -> CalendarDate? {
        date(Substring(y), m, d)
    }

    private static let eraOffsets = ["令和": 2018, "平成": 1988, "昭和": 1925]

    // Lookbehind is unsupported, so a leading non-digit is consumed instead.
    // The day must end the number: 2025年1月31日, or the start of a range (〜, ~, -).
    nonisolated(unsafe) private static let kanjiDate =
        #/(?:^|[^0-9])([0-9]{4})\s?年\s?([0-9]{1,2})\s?月\s?([0-9]{1,2})(?=\s?日|[〜~\-–])/#
    nonisolated(unsafe) private static let eraDate =
        #/(令和|平成|昭和)\s?([0-9]{1,2}|元)\s?年\s?([0-9]{1,2})\s?月\s?([0-9]{1,2})(?=\s?日|[〜~\-–])/#
    nonisolated(unsafe) private static let numericDate =
        #/(?:^|[^0-9./\-])([0-9]{4})([/.\-])([0-9]{1,2})([/.\-])([0-9]{1,2})(?![0-9]|[./\-][0-9])/#
}
