/// Intercoder agreement for nominal codes: percent agreement, Cohen's kappa
/// and Krippendorff's alpha. Pure arithmetic, no I/O.
///
/// The data is a reliability matrix: one row per coder, one column per unit,
/// `nil` where a coder did not code a unit (Krippendorff's missing values).
public struct ReliabilityData: Sendable, Equatable {
    /// values[coder][unit]
    public let values: [[String?]]

    public init(values: [[String?]]) {
        self.values = values
    }

    /// Every value used by any coder, sorted by UTF-8 bytes.
    public var categories: [String] {
        Set(values.flatMap { $0.compactMap { $0 } }).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    var unitCount: Int { values.map(\.count).max() ?? 0 }

    func value(coder: Int, unit: Int) -> String? {
        unit < values[coder].count ? values[coder][unit] : nil
    }
}

public enum Agreement {
    /// Krippendorff's coincidence matrix, indexed like `data.categories`:
    /// every ordered pair of values from different coders within a unit,
    /// weighted 1 / (m_u − 1), where m_u is the number of values in the unit.
    /// Units with fewer than two values are not pairable and count for nothing.
    public static func coincidences(_ data: ReliabilityData) -> [[Double]] {
        let categories = data.categories
        let index = Dictionary(uniqueKeysWithValues: categories.enumerated().map { ($1, $0) })
        var matrix = [[Double]](repeating: [Double](repeating: 0, count: categories.count), count: categories.count)
        for unit in 0..<data.unitCount {
            let coded = data.values.indices.compactMap { data.value(coder: $0, unit: unit) }.compactMap { index[$0] }
            guard coded.count >= 2 else { continue }
            let weight = 1 / Double(coded.count - 1)
            for i in coded.indices {
                for j in coded.indices where i != j {
                    matrix[coded[i]][coded[j]] += weight
                }
            }
        }
        return matrix
    }

    /// Krippendorff's alpha for nominal data, any number of coders, missing
    /// values allowed: 1 − (n − 1) Σ_{c≠k} o_ck / Σ_{c≠k} n_c n_k.
    /// `nil` when there are no pairable values or only one category is used
    /// (alpha is undefined when there is no variation).
    public static func krippendorffAlpha(_ data: ReliabilityData) -> Double? {
        let matrix = coincidences(data)
        let marginals = matrix.map { $0.reduce(0, +) }
        let n = marginals.reduce(0, +)
        guard n > 1 else { return nil }
        var observed = 0.0, expected = 0.0
        for c in matrix.indices {
            for k in matrix.indices where c != k {
                observed += matrix[c][k]
                expected += marginals[c] * marginals[k]
            }
        }
        guard expected > 0 else { return nil }
        return 1 - (n - 1) * observed / expected
    }

    /// The share of agreeing pairs among all pairable value pairs (the
    /// diagonal of the coincidence matrix over its total). For two coders who
    /// both coded every unit, the plain share of units they agree on.
    public static func percentAgreement(_ data: ReliabilityData) -> Double? {
        let matrix = coincidences(data)
        let total = matrix.reduce(0) { $0 + $1.reduce(0, +) }
        guard total > 0 else { return nil }
        let diagonal = matrix.indices.reduce(0) { $0 + matrix[$1][$1] }
        return diagonal / total
    }

    /// The cross table of two coders over the units both coded:
    /// table[value of a][value of b], indexed like `categories`.
    public static func crossTable(_ data: ReliabilityData, _ a: Int, _ b: Int, categories: [String]) -> [[Int]] {
        let index = Dictionary(uniqueKeysWithValues: categories.enumerated().map { ($1, $0) })
        var table = [[Int]](repeating: [Int](repeating: 0, count: categories.count), count: categories.count)
        for unit in 0..<data.unitCount {
            guard let x = data.value(coder: a, unit: unit).flatMap({ index[$0] }),
                  let y = data.value(coder: b, unit: unit).flatMap({ index[$0] }) else { continue }
            table[x][y] += 1
        }
        return table
    }

    /// Cohen's kappa of a square cross table: (p_o − p_e) / (1 − p_e).
    /// `nil` for an empty table or when chance agreement is 1 (both coders
    /// used one and the same category throughout).
    public static func cohenKappa(_ table: [[Int]]) -> Double? {
        let total = table.reduce(0) { $0 + $1.reduce(0, +) }
        guard total > 0 else { return nil }
        let n = Double(total)
        let rows = table.map { Double($0.reduce(0, +)) / n }
        let columns = table.indices.map { k in Double(table.reduce(0) { $0 + $1[k] }) / n }
        let observed = Double(table.indices.reduce(0) { $0 + table[$1][$1] }) / n
        let expected = zip(rows, columns).reduce(0) { $0 + $1.0 * $1.1 }
        guard expected < 1 else { return nil }
        return (observed - expected) / (1 - expected)
    }
}

extension ReliabilityData {
    /// The reliability matrix of several coding files: a unit is a
    /// (doc_id, target) pair, in order of first appearance across the files;
    /// a unit a coder did not code is a missing value.
    public init(codings: [[GoldLabel]]) {
        var order: [String] = []
        var seen: Set<String> = []
        for coding in codings {
            for label in coding where seen.insert(label.unitKey).inserted { order.append(label.unitKey) }
        }
        let position = Dictionary(uniqueKeysWithValues: order.enumerated().map { ($1, $0) })
        var values = [[String?]](repeating: [String?](repeating: nil, count: order.count), count: codings.count)
        for (coder, coding) in codings.enumerated() {
            for label in coding {
                if let unit = position[label.unitKey] { values[coder][unit] = label.stance }
            }
        }
        self.init(values: values)
    }
}

extension GoldLabel {
    var unitKey: String { docID + "\u{0}" + target }
}
