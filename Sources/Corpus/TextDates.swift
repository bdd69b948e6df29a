/// Finds full dates written in text. A partial date (10月29日, 2025年1月) is
/// not a date: without the year or the day the publication date is unknown.
public enum TextDates {
    /// The first full, valid date in `text` (which should be NFKC-normalised,
    /// so full-width digits are ASCII), or nil.
    ///
    /// Recognised: 2025年1月31日 (also 2025年10月27〜28日), 令和7年1月31日,
    /// 2025/01/31, 2025-01-31 and 2025.01.31.
    public static func firstDate(in text: String) -> CalendarDate? {
        var best: (position: String.Index, date: CalendarDate)?
        func consider(_ position: String.Index, _ date: CalendarDate?) {
            guard let date else { return }
            if best == nil || position < best!.position { best = (position, date) }
        }
        for match in text.matches(of: kanjiDate) {
            consider(match.range.lowerBound, date(match.output.1, match.output.2, match.output.3))
        }
        for match in text.matches(of: eraDate) {
            guard let offset = eraOffsets[String(match.output.1)] else { continue }
            let yearInEra = match.output.2 == "元" ? 1 : Int(match.output.2) ?? 0
            consider(match.range.lowerBound, date("\(offset + yearInEra)", match.output.3, match.output.4))
        }
        for match in text.matches(of: numericDate) {
            let separators = (match.output.2, match.output.4)
            guard separators.0 == separators.1 else { continue }
            consider(match.range.lowerBound, date(match.output.1, match.output.3, match.output.5))
        }
        return best?.date
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
