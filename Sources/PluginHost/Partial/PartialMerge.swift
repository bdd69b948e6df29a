/// Merges partial results of the same run over parts of a corpus. The
/// result does not depend on the order of the parts or on how merges nest:
/// every state merges exactly, and lists that could depend on order (levels,
/// group lines) are put in a fixed order.
public enum PartialMerge {
    /// Orders the union of the levels the parts found for a column, when
    /// the parts found different levels (the plugin's `order_levels`).
    public typealias LevelOrder = (_ column: String, _ values: [Cell]) throws -> [Cell]

    /// - Parameters:
    ///   - parts: each part's name (for messages) and result; at least one.
    ///   - orderLevels: called only when parts disagree on a column's levels.
    public static func merge(_ parts: [(name: String, result: PartialResult)], orderLevels: LevelOrder) throws -> PartialResult {
        guard let (firstName, first) = parts.first else { throw PartialError("kiji merge needs at least one partial result") }
        var header = first.header
        var aggregator = first.aggregator
        for (name, part) in parts.dropFirst() {
            try checkAgreement(part.header, named: name, with: header, named: firstName)
            aggregator.merge(part.aggregator)
            header.files.merge(part.header.files) { a, _ in a }
            header.mecab = header.mecab ?? part.header.mecab
            header.corpus = merged(header.corpus, part.header.corpus)
        }
        header.levels = try mergedLevels(parts.map(\.result.header.levels), orderLevels: orderLevels)
        return PartialResult(header: header, aggregator: aggregator)
    }

    /// Whether `header` describes the same run as `reference`; names the
    /// first difference otherwise (exit 2).
    static func checkAgreement(_ header: PartialHeader, named name: String, with reference: PartialHeader, named referenceName: String) throws {
        func differ(_ what: String, _ here: String, _ there: String) -> PartialError {
            PartialError("\(name) does not match \(referenceName): \(what) is \(here) in \(name) and \(there) in \(referenceName); "
                         + "merge only partial results of the same plugin, parameters and kiji version")
        }
        func listed(_ items: [String]) -> String { "[" + items.joined(separator: ", ") + "]" }
        if header.kijiVersion != reference.kijiVersion { throw differ("the kiji version", header.kijiVersion, reference.kijiVersion) }
        if header.plugin.name != reference.plugin.name { throw differ("the plugin", "'\(header.plugin.name)'", "'\(reference.plugin.name)'") }
        if header.plugin.sha256 != reference.plugin.sha256 {
            throw differ("the plugin's SHA-256", header.plugin.sha256, reference.plugin.sha256)
        }
        for (path, digest) in header.files.sorted(by: { $0.key < $1.key }) {
            if let other = reference.files[path], other != digest { throw differ("the SHA-256 of \(path)", digest, other) }
        }
        if let here = header.mecab, let there = reference.mecab, here != there {
            throw differ("the MeCab dictionary", "'\(here)'", "'\(there)'")
        }
        for key in Set(header.parameters.keys).union(reference.parameters.keys).sorted()
        where header.parameters[key] != reference.parameters[key] {
            func shown(_ value: String?) -> String { value.map { "'\($0)'" } ?? "absent" }
            throw differ("parameter \(key)", shown(header.parameters[key]), shown(reference.parameters[key]))
        }
        if header.groupBy != reference.groupBy { throw differ("group_by", listed(header.groupBy), listed(reference.groupBy)) }
        if header.aggregate != reference.aggregate {
            throw differ("aggregate", listed(header.aggregate.map { $0.joined(separator: "=") }),
                         listed(reference.aggregate.map { $0.joined(separator: "=") }))
        }
        if header.columns != reference.columns { throw differ("columns", listed(header.columns), listed(reference.columns)) }
        if header.periods != reference.periods {
            func shown(_ periods: [String: String]) -> String { listed(periods.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }) }
            throw differ("periods", shown(header.periods), shown(reference.periods))
        }
    }

    private static func merged(_ a: PartialHeader.CorpusSummary, _ b: PartialHeader.CorpusSummary) -> PartialHeader.CorpusSummary {
        var result = a
        result.documents += b.documents
        result.undated += b.undated
        // ISO dates (YYYY-MM-DD) order as text.
        result.firstDate = [a.firstDate, b.firstDate].compactMap { $0 }.min()
        result.lastDate = [a.lastDate, b.lastDate].compactMap { $0 }.max()
        return result
    }

    /// Each column's levels: the list every part gave, when they agree;
    /// otherwise the union, in the order `orderLevels` gives it.
    static func mergedLevels(_ lists: [[String: [PartialCell]]], orderLevels: LevelOrder) throws -> [String: [PartialCell]] {
        var result: [String: [PartialCell]] = [:]
        for column in Set(lists.flatMap(\.keys)).sorted() {
            // A part without documents may have found no levels at all.
            let given = lists.compactMap { $0[column] }.filter { !$0.isEmpty }
            if Set(given).count <= 1 {
                result[column] = given.first ?? []
                continue
            }
            let union = Set(given.joined().map(\.cell)).sorted(by: Cell.totalOrder)
            let ordered = try orderLevels(column, union)
            guard ordered.count == union.count, Set(ordered) == Set(union) else {
                throw PartialError("order_levels('\(column)', …) must return each of the \(union.count) values it is given once, in order; it returned \(ordered.count) values")
            }
            result[column] = PartialCell.list(ordered)
        }
        return result
    }
}
