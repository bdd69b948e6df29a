/// One value of an output table.
public enum Cell: Hashable, Sendable {
    case empty
    case integer(Int)
    case number(Double)
    case string(String)
    case boolean(Bool)

    /// The text written to CSV: integers and integral floats without a
    /// decimal point, other floats in the shortest form that reads back
    /// exactly, booleans as true/false.
    public var text: String {
        switch self {
        case .empty: return ""
        case .integer(let i): return String(i)
        case .number(let d):
            if d.isNaN { return "NaN" }
            if d.isInfinite { return d < 0 ? "-Inf" : "Inf" }
            if d == d.rounded(), abs(d) < 1e15 { return String(Int(d)) }
            return String(d)
        case .string(let s): return s
        case .boolean(let b): return b ? "true" : "false"
        }
    }

    /// The cell as a group key: a float with an integer value becomes that
    /// integer (so 1 and 1.0, or 0 and -0.0, are one group, as their labels
    /// are one text); nil for NaN, which equals nothing and cannot be a key.
    var groupKey: Cell? {
        guard case .number(let d) = self else { return self }
        if d.isNaN { return nil }
        if let integer = Int(exactly: d) { return .integer(integer) }
        return self
    }

    var numericValue: Double? {
        switch self {
        case .integer(let i): Double(i)
        case .number(let d): d
        default: nil
        }
    }

    /// Deterministic order for keys without a declared order: numbers
    /// (numerically) before booleans before strings (by UTF-8 bytes).
    static func naturalOrder(_ a: Cell, _ b: Cell) -> Bool {
        switch (a, b) {
        case (.string(let x), .string(let y)): return x.utf8.lexicographicallyPrecedes(y.utf8)
        default:
            if let x = a.numericValue, let y = b.numericValue { return x < y }
            return a.rank < b.rank
        }
    }

    private var rank: Int {
        switch self {
        case .empty: 0
        case .integer, .number: 1
        case .boolean: 2
        case .string: 3
        }
    }
}

/// A plugin's output: named columns and rows of cells.
public struct ResultTable: Sendable, Equatable {
    public let columns: [String]
    public let rows: [[Cell]]

    public init(columns: [String], rows: [[Cell]]) {
        self.columns = columns
        self.rows = rows
    }
}
