/// The kinds of chart kiji draws.
public enum ChartKind: String, CaseIterable, Sendable {
    /// One line per series over the x column (a time series).
    case line
    /// Horizontal bars per category; negative values extend left of zero
    /// (diverging, as for keyness).
    case bar
    /// Series stacked on top of each other over the x column.
    case area
    /// Nodes and weighted edges from two name columns, in a seeded force layout.
    case network
}

/// Which columns of a result table a chart draws.
public struct ChartSpec: Sendable, Equatable {
    public var kind: ChartKind
    /// The category or period column (line, bar, area).
    public var x: String?
    /// The value column; without one, rows are counted.
    public var y: String?
    /// The column whose values become separately coloured series.
    public var series: String?
    /// The column whose values get one panel each (small multiples).
    public var facet: String?
    /// Network: the columns naming an edge's two ends, and its weight.
    public var source: String?
    public var target: String?
    public var weight: String?
    /// A title replacing the plugin's name.
    public var title: String?
    /// At most this many bars (bar), series (line, area) or edges (network),
    /// the largest first; the chart says how many it left out.
    public var limit: Int?

    public init(kind: ChartKind, x: String? = nil, y: String? = nil, series: String? = nil, facet: String? = nil,
                source: String? = nil, target: String? = nil, weight: String? = nil, title: String? = nil, limit: Int? = nil) {
        self.kind = kind
        self.x = x
        self.y = y
        self.series = series
        self.facet = facet
        self.source = source
        self.target = target
        self.weight = weight
        self.title = title
        self.limit = limit
    }

    /// The field names a chart table may hold (what plugins write in `chart = {…}`).
    public static let fieldNames = ["kind", "x", "y", "series", "facet", "source", "target", "weight", "title", "limit"]

    /// Builds a spec from text fields, as a plugin or the command line gives them.
    public init(fields: [String: String]) throws {
        if let unknown = fields.keys.sorted().first(where: { !Self.fieldNames.contains($0) }) {
            throw ChartError("chart field '\(unknown)' is unknown (known: \(Self.fieldNames.joined(separator: ", ")))")
        }
        guard let kindText = fields["kind"] else {
            throw ChartError("a chart needs a kind: \(ChartKind.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        guard let kind = ChartKind(rawValue: kindText) else {
            throw ChartError("chart kind must be one of \(ChartKind.allCases.map(\.rawValue).joined(separator: ", ")), not '\(kindText)'")
        }
        var limit: Int?
        if let text = fields["limit"] {
            guard let value = Int(text), value > 0 else { throw ChartError("chart limit must be a whole number above 0, not '\(text)'") }
            limit = value
        }
        self.init(kind: kind, x: fields["x"], y: fields["y"], series: fields["series"], facet: fields["facet"],
                  source: fields["source"], target: fields["target"], weight: fields["weight"], title: fields["title"], limit: limit)
    }

    /// The spec as `key=value` text, for `kiji describe`.
    public var summary: String {
        let pairs: [(String, String?)] = [("kind", kind.rawValue), ("x", x), ("y", y), ("series", series), ("facet", facet),
                                          ("source", source), ("target", target), ("weight", weight), ("title", title),
                                          ("limit", limit.map(String.init))]
        return pairs.compactMap { key, value in value.map { "\(key)=\($0)" } }.joined(separator: " ")
    }

    /// Checks that the columns the spec names exist in `columns`.
    public func check(columns: [String]) throws {
        let required: [(String, String?)]
        switch kind {
        case .network: required = [("source", source), ("target", target)]
        case .line, .bar, .area: required = [("x", x)]
        }
        for (field, value) in required where value == nil {
            throw ChartError("a \(kind.rawValue) chart needs '\(field)', the column to draw")
        }
        let named: [(String, String?)] = [("x", x), ("y", y), ("series", series), ("facet", facet), ("source", source),
                                          ("target", target), ("weight", weight)]
        for case let (field, column?) in named where !columns.contains(column) {
            throw ChartError("chart \(field) '\(column)' is not a column of the result (columns: \(columns.joined(separator: ",")))")
        }
    }
}

/// What a chart's heading says: the plugin, then lines naming the parameters
/// and the corpus, so a figure pasted elsewhere still says where it came from.
public struct ChartCaption: Sendable, Equatable {
    public var title: String
    public var details: [String]

    public init(title: String, details: [String] = []) {
        self.title = title
        self.details = details
    }

    /// "plugin", then "key=value · key=value" and "corpus: …".
    public init(plugin: String, parameters: [String: String], corpus: String?) {
        // An empty value is shown as "" so `scheme=""` does not read as a cut-off line.
        let params = parameters.keys.sorted().map { key in
            let value = parameters[key] ?? ""
            return "\(key)=\(value.isEmpty ? "\"\"" : value)"
        }.joined(separator: " · ")
        self.init(title: plugin, details: [params.isEmpty ? nil : params, corpus.map { "corpus: \($0)" }].compactMap { $0 })
    }
}

/// A problem with a chart: a spec naming missing columns, a value that is not a number.
public struct ChartError: Error, CustomStringConvertible, Equatable {
    public let description: String
    public init(_ description: String) { self.description = description }
}

/// A result table as text cells, the input of every chart.
public struct ChartTable: Sendable, Equatable {
    public let columns: [String]
    public let rows: [[String]]

    public init(columns: [String], rows: [[String]]) {
        self.columns = columns
        self.rows = rows
    }

    /// The index of `column` (checked by ``ChartSpec/check(columns:)``).
    func index(of column: String) throws -> Int {
        guard let index = columns.firstIndex(of: column) else { throw ChartError("the result has no column '\(column)'") }
        return index
    }

    /// Cell `column` of row `row` (0-based), empty when the row is short.
    func cell(_ row: Int, _ column: Int) -> String {
        rows[row].indices.contains(column) ? rows[row][column] : ""
    }

    /// The number in row `row`'s `column`, or an error naming the row (1-based, after the header).
    func number(_ row: Int, _ column: Int) throws -> Double {
        let text = cell(row, column)
        guard let value = Double(text), value.isFinite else {
            throw ChartError("row \(row + 1), column '\(columns[column])': '\(text)' is not a number to draw")
        }
        return value
    }
}
