import Corpus
import Foundation

/// The mergeable state of a map-form run (`kiji run --partial`): a header
/// that says what was run, then the aggregate state of every group that
/// occurred, one JSON line each. Partial results of parts of a corpus merge
/// (``PartialMerge``) into the state one run over the whole corpus has, so
/// the finished table is byte for byte the same. See docs/scale-out.md.
public struct PartialResult: Sendable {
    public var header: PartialHeader
    var aggregator: Aggregator

    /// The format's name and version, the header's first fields.
    public static let formatName = "kiji-partial"
    public static let formatVersion = 1

    init(header: PartialHeader, aggregator: Aggregator) {
        self.header = header
        self.aggregator = aggregator
        self.header.groups = aggregator.groupKeys.count
    }

    /// The finished table, as `kiji run` writes it.
    public func finished() throws -> ResultTable {
        let periods = try header.periodKinds()
        do {
            return try aggregator.finish(columns: header.columns, periods: periods, levels: header.levels.mapValues(PartialCell.cells))
        } catch {
            throw PartialError("plugin '\(header.plugin.name)': \(error.description)")
        }
    }

    /// The JSON Lines text: the header, then one line per group, sorted by
    /// key, so the same state always gives the same bytes.
    public func rendered() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        func line(_ value: some Encodable) -> String {
            // Encoding these plain structs cannot fail.
            String(decoding: (try? encoder.encode(value)) ?? Data(), as: UTF8.self) + "\n"
        }
        var text = line(header)
        let order = aggregator.groupKeys.indices.sorted { a, b in
            let (x, y) = (aggregator.groupKeys[a], aggregator.groupKeys[b])
            return x.lexicographicallyPrecedes(y, by: Cell.totalOrder)
        }
        for group in order {
            let states = aggregator.accumulators(ofGroup: group).map(AccumulatorState.init)
            text += line(GroupLine(key: PartialCell.list(aggregator.groupKeys[group]), state: states))
        }
        return text
    }

    /// Reads a partial result; `name` is the file's name for messages.
    public init(parsing data: Data, name: String) throws {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        var lines = data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        if lines.last?.isEmpty == true { lines.removeLast() }
        guard let first = lines.first, !first.isEmpty else {
            throw PartialError("\(name): empty; a partial result starts with a header line (kiji run --partial writes one)")
        }
        let header: PartialHeader
        do {
            header = try decoder.decode(PartialHeader.self, from: Data(first))
        } catch {
            throw PartialError("\(name):1: not the header of a kiji partial result (\(Self.reason(error))); make it with kiji run --partial")
        }
        guard header.format == Self.formatName else {
            throw PartialError("\(name):1: format '\(header.format)' is not \(Self.formatName)")
        }
        guard header.formatVersion == Self.formatVersion else {
            throw PartialError("\(name):1: partial format version \(header.formatVersion); this kiji reads version \(Self.formatVersion)")
        }
        let operations = try header.operations(name: name)
        guard lines.count - 1 == header.groups else {
            throw PartialError("\(name): the header announces \(header.groups) groups but \(lines.count - 1) follow; the file is cut short or was changed")
        }
        var aggregator = Aggregator(groupBy: header.groupBy, operations: operations)
        for (offset, bytes) in lines.dropFirst().enumerated() {
            let number = offset + 2
            do {
                let group = try decoder.decode(GroupLine.self, from: Data(bytes))
                let key = PartialCell.cells(group.key)
                guard key.count == header.groupBy.count, key.allSatisfy({ $0 != .empty && $0.groupKey == $0 }) else {
                    throw PartialError("the key must hold \(header.groupBy.count) values (\(header.groupBy.joined(separator: ", "))), none empty or NaN")
                }
                guard group.state.count == operations.count else {
                    throw PartialError("the state must hold \(operations.count) values (\(operations.map(\.column).joined(separator: ", ")))")
                }
                let accumulators = try zip(group.state, operations).map { state, operation throws(AggregationError) in
                    try state.accumulator(for: operation.operation)
                }
                guard aggregator.add(key: key, accumulators: accumulators) else { throw PartialError("the group repeats an earlier line's key") }
            } catch {
                throw PartialError("\(name):\(number): \(Self.reason(error))")
            }
        }
        self.header = header
        self.aggregator = aggregator
    }

    private static func reason(_ error: any Error) -> String {
        switch error {
        case let error as PartialError: error.description
        case let error as AggregationError: error.description
        case DecodingError.keyNotFound(let key, _): "'\(key.stringValue)' is missing"
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            "'\(context.codingPath.map(\.stringValue).joined(separator: "."))' has the wrong type"
        case DecodingError.dataCorrupted(let context):
            context.codingPath.isEmpty ? "not JSON" : "'\(context.codingPath.map(\.stringValue).joined(separator: "."))': \(context.debugDescription)"
        default: "not JSON"
        }
    }

    private struct GroupLine: Codable {
        let key: [PartialCell]
        let state: [AccumulatorState]
    }
}

/// What a partial result was made by and from.
public struct PartialHeader: Codable, Equatable, Sendable {
    public struct Plugin: Codable, Equatable, Sendable {
        /// The plugin's `name`.
        public var name: String
        /// The plugin as the user named it (a bundled name or a path).
        public var argument: String
        public var sha256: String
    }

    /// What the corpus held: merged by adding counts and widening the range.
    public struct CorpusSummary: Codable, Equatable, Sendable {
        public var documents: Int
        public var undated: Int
        public var firstDate: String?
        public var lastDate: String?

        public init(documents: [Document]) {
            self.documents = documents.count
            undated = documents.lazy.filter { $0.date == nil }.count
            let dates = documents.compactMap(\.date)
            firstDate = dates.min()?.description
            lastDate = dates.max()?.description
        }
    }

    public var format = PartialResult.formatName
    public var formatVersion = PartialResult.formatVersion
    public var kijiVersion: String
    public var plugin: Plugin
    /// Modules and data files the plugin read, by path (relative to the
    /// plugin's folder when inside it), with their SHA-256.
    public var files: [String: String]
    /// Every parameter, defaults filled in.
    public var parameters: [String: String]
    /// The MeCab dictionary the plugin used ("ipadic-utf8 (IPADIC) 102 utf-8"), if any.
    public var mecab: String?
    public var groupBy: [String]
    /// `[column, operation]` pairs, in the plugin's order.
    public var aggregate: [[String]]
    public var columns: [String]
    /// Period columns and their kind (month, year …).
    public var periods: [String: String]
    /// Declared levels of columns, in order (see `levels` in docs/lua-api.md).
    var levels: [String: [PartialCell]]
    public var corpus: CorpusSummary
    /// How many group lines follow, so that a cut-short file is found.
    public var groups: Int = 0

    func operations(name: String) throws -> [(column: String, operation: AggregateOperation)] {
        try aggregate.map { pair in
            guard pair.count == 2, let operation = AggregateOperation(rawValue: pair[1]) else {
                throw PartialError("\(name):1: aggregate holds \(pair); each entry is [column, operation] with an operation of \(AggregateOperation.names)")
            }
            return (pair[0], operation)
        }
    }

    func periodKinds() throws -> [String: PeriodKind] {
        try periods.mapValues { kind in
            guard let period = PeriodKind(rawValue: kind) else { throw PartialError("periods names '\(kind)', which is not a period kind") }
            return period
        }
    }
}

/// A partial result that cannot be read or merged (exit 2).
public struct PartialError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
