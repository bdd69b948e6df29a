/// Calendar periods that time series are grouped by.
public enum PeriodKind: String, CaseIterable, Sendable {
    case day, week, month, quarter, year
    /// The Japanese fiscal year (年度), April to March, labelled by the
    /// calendar year it starts in.
    case fiscalYear = "fiscal_year"

    /// The label used for documents without a date.
    public static let undatedLabel = "undated"

    /// The label of the period containing `date`: `2025-01-31` (day),
    /// `2025-W05` (ISO week), `2025-01` (month), `2025-Q1`, `2025`, and for
    /// fiscal years `2024` (2025-01-31 falls in 年度 2024).
    public func label(for date: CalendarDate) -> String {
        label(ofIndex: index(of: date))
    }

    /// A sortable integer for the period containing `date`; consecutive
    /// periods have consecutive indices.
    public func index(of date: CalendarDate) -> Int {
        switch self {
        case .day: return date.dayNumber
        case .week:
            let monday = date.dayNumber - (date.isoWeekday - 1)
            return Self.floorDiv(monday - 4, 7)  // 1970-01-05 was a Monday
        case .month: return date.year * 12 + date.month - 1
        case .quarter: return date.year * 4 + (date.month - 1) / 3
        case .year: return date.year
        case .fiscalYear: return date.month >= 4 ? date.year : date.year - 1
        }
    }

    /// The label of period `index`.
    public func label(ofIndex index: Int) -> String {
        switch self {
        case .day: return CalendarDate(dayNumber: index).description
        case .week:
            // The ISO week-numbering year is the year of the week's Thursday.
            let thursday = CalendarDate(dayNumber: index * 7 + 4 + 3)
            let firstThursdayDay = Self.firstIsoThursday(of: thursday.year)
            let week = (thursday.dayNumber - firstThursdayDay) / 7 + 1
            return "\(CalendarDate.pad(thursday.year, 4))-W\(CalendarDate.pad(week, 2))"
        case .month:
            return "\(CalendarDate.pad(Self.floorDiv(index, 12), 4))-\(CalendarDate.pad(index - Self.floorDiv(index, 12) * 12 + 1, 2))"
        case .quarter:
            return "\(CalendarDate.pad(Self.floorDiv(index, 4), 4))-Q\(index - Self.floorDiv(index, 4) * 4 + 1)"
        case .year, .fiscalYear: return CalendarDate.pad(index, 4)
        }
    }

    /// The index of a label this kind produces, or nil for any other text.
    public func index(ofLabel label: String) -> Int? {
        for candidate in candidateDates(for: label) {
            let index = index(of: candidate)
            if self.label(ofIndex: index) == label { return index }
        }
        return nil
    }

    /// Every label from `first` through `last`, in order.
    public func labels(from first: Int, through last: Int) -> [String] {
        guard first <= last else { return [] }
        return (first...last).map { label(ofIndex: $0) }
    }

    private func candidateDates(for label: String) -> [CalendarDate] {
        let parts = label.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        switch self {
        case .day: return CalendarDate(iso: label).map { [$0] } ?? []
        case .month:
            guard parts.count == 2, let y = Int(parts[0]), let m = Int(parts[1]) else { return [] }
            return CalendarDate(year: y, month: m, day: 1).map { [$0] } ?? []
        case .quarter:
            guard parts.count == 2, let y = Int(parts[0]), parts[1].hasPrefix("Q"), let q = Int(parts[1].dropFirst()),
                  (1...4).contains(q) else { return [] }
            return CalendarDate(year: y, month: q * 3 - 2, day: 1).map { [$0] } ?? []
        case .year:
            return Int(label).flatMap { CalendarDate(year: $0, month: 6, day: 1) }.map { [$0] } ?? []
        case .fiscalYear:
            return Int(label).flatMap { CalendarDate(year: $0, month: 6, day: 1) }.map { [$0] } ?? []
        case .week:
            guard parts.count == 2, let y = Int(parts[0]), parts[1].hasPrefix("W"), let w = Int(parts[1].dropFirst()),
                  (1...53).contains(w), (1...9999).contains(y) else { return [] }
            return [CalendarDate(dayNumber: Self.firstIsoThursday(of: y) + (w - 1) * 7)]
        }
    }

    private static func firstIsoThursday(of year: Int) -> Int {
        let jan1 = CalendarDate.dayNumber(year: year, month: 1, day: 1)
        let weekday = CalendarDate(dayNumber: jan1).isoWeekday
        return jan1 + (4 - weekday + 7) % 7
    }

    static func floorDiv(_ a: Int, _ b: Int) -> Int {
        a >= 0 ? a / b : -((-a + b - 1) / b)
    }
}
