import Corpus

/// The x axis of a line, bar or area chart: periods in calendar order with
/// the missing ones filled in, or categories in the order they first appear;
/// `undated` is always kept apart, after the others.
struct Categories: Equatable {
    /// The labels on the axis, in order (without `undated`).
    let labels: [String]
    /// Whether an `undated` group exists (drawn apart from the axis).
    let hasUndated: Bool
    /// The period kind when the labels are periods.
    let period: PeriodKind?
    private let positions: [String: Int]

    static let undated = PeriodKind.undatedLabel
    /// More periods than this would be unreadable and costly to draw.
    static let maximumPeriods = 5000

    init(values: [String]) throws {
        var seen = Set<String>()
        var ordered: [String] = []
        var undated = false
        for value in values {
            if value == Self.undated { undated = true; continue }
            if seen.insert(value).inserted { ordered.append(value) }
        }
        hasUndated = undated
        // Years before fiscal years: the labels are the same and years read naturally.
        let kinds: [PeriodKind] = [.month, .quarter, .week, .day, .year]
        for kind in kinds where !ordered.isEmpty {
            let indices = ordered.compactMap { kind.index(ofLabel: $0) }
            guard indices.count == ordered.count, let first = indices.min(), let last = indices.max() else { continue }
            let (span, overflow) = last.subtractingReportingOverflow(first)
            guard !overflow, span < Self.maximumPeriods else {
                throw ChartError("the \(kind.rawValue)s run from \(kind.label(ofIndex: first)) to \(kind.label(ofIndex: last)), "
                                 + "too many to draw; chart a longer period (for example --param by=year)")
            }
            labels = kind.labels(from: first, through: last)
            period = kind
            positions = Self.positions(of: labels)
            return
        }
        labels = ordered
        period = nil
        positions = Self.positions(of: labels)
    }

    private static func positions(of labels: [String]) -> [String: Int] {
        Dictionary(labels.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
    }

    /// Every slot: the labels, then `undated` when present.
    var slots: [String] { labels + (hasUndated ? [Self.undated] : []) }

    func slot(of label: String) -> Int? {
        if label == Self.undated { return hasUndated ? labels.count : nil }
        return positions[label]
    }
}
