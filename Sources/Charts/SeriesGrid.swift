/// The values of a line, bar or area chart: for each panel (facet) and
/// series, one value per category slot, and which table row gave it.
struct SeriesGrid {
    struct Panel {
        let name: String?
        /// values[series][slot]; zero where no row gave a value.
        var values: [[Double]]
        /// rows[series][slot]: the 0-based table row behind the value, if any.
        var rows: [[Int?]]
    }

    let categories: Categories
    let series: [String]
    let panels: [Panel]
    /// The value column's name, or "rows" when rows are counted.
    let valueName: String
    /// Series (line, area) or categories (bar) left out by the spec's limit.
    let omitted: Int

    init(table: ChartTable, spec: ChartSpec) throws {
        guard let xName = spec.x else { throw ChartError("a \(spec.kind.rawValue) chart needs 'x'") }
        let xColumn = try table.index(of: xName)
        let yColumn = try spec.y.map(table.index(of:))
        let seriesColumn = try spec.series.map(table.index(of:))
        let facetColumn = try spec.facet.map(table.index(of:))
        let valueName = spec.y ?? "rows"
        self.valueName = valueName
        let rowCount = table.rows.count

        var categories = try Categories(values: (0..<rowCount).map { table.cell($0, xColumn) })
        var seriesNames = Self.firstAppearance((0..<rowCount).map { row in seriesColumn.map { table.cell(row, $0) } ?? valueName })
        let facetNames: [String?] = facetColumn.map { c in Self.firstAppearance((0..<rowCount).map { row in table.cell(row, c) }) } ?? [nil]
        let values = try (0..<rowCount).map { row in try yColumn.map { try table.number(row, $0) } ?? 1 }

        // The limit keeps the largest series (line, area) or categories (bar) by total magnitude.
        var omitted = 0
        if let limit = spec.limit {
            if spec.kind == .bar && categories.period == nil && categories.labels.count > limit {
                let kept = Self.largest(categories.labels, limit: limit, totals: Self.totals(values) { table.cell($0, xColumn) })
                omitted = categories.labels.count - kept.count
                categories = try Categories(values: kept + (categories.hasUndated ? [Categories.undated] : []))
            } else if spec.kind != .bar && seriesNames.count > limit {
                let totals = Self.totals(values) { row in seriesColumn.map { table.cell(row, $0) } ?? valueName }
                let kept = Set(Self.largest(seriesNames, limit: limit, totals: totals))
                omitted = seriesNames.count - kept.count
                seriesNames = seriesNames.filter(kept.contains)
            }
        }
        self.omitted = omitted
        self.categories = categories
        self.series = seriesNames

        let seriesIndex = Dictionary(seriesNames.enumerated().map { ($1, $0) }, uniquingKeysWith: { (a: Int, _: Int) in a })
        let slotCount = categories.slots.count
        var panels: [Panel] = []
        for facet in facetNames {
            var panel = Panel(name: facet, values: Array(repeating: Array(repeating: 0, count: slotCount), count: seriesNames.count),
                              rows: Array(repeating: Array(repeating: nil, count: slotCount), count: seriesNames.count))
            for row in 0..<rowCount where facetColumn.map({ table.cell(row, $0) }) == facet {
                guard let s = seriesIndex[seriesColumn.map { table.cell(row, $0) } ?? valueName],
                      let slot = categories.slot(of: table.cell(row, xColumn)) else { continue }
                if yColumn != nil, let earlier = panel.rows[s][slot] {
                    var names: [String] = []
                    for case let name? in [spec.facet, xName, spec.series] where !names.contains(name) { names.append(name) }
                    throw ChartError("rows \(earlier + 1) and \(row + 1) give the same \(names.joined(separator: ", ")); "
                                     + "name a series or facet column that tells them apart (--series, or facet= in the chart)")
                }
                panel.values[s][slot] += values[row]
                panel.rows[s][slot] = row
            }
            panels.append(panel)
        }
        self.panels = panels
    }

    private static func firstAppearance(_ values: [String]) -> [String] {
        var seen = Set<String>()
        return values.filter { seen.insert($0).inserted }
    }

    /// The sum of |value| per key, in one pass over the rows.
    private static func totals(_ values: [Double], key: (Int) -> String) -> [String: Double] {
        var totals: [String: Double] = [:]
        for row in values.indices { totals[key(row), default: 0] += abs(values[row]) }
        return totals
    }

    /// The `limit` names with the largest totals, in their original order.
    private static func largest(_ names: [String], limit: Int, totals byName: [String: Double]) -> [String] {
        let totals = names.map { byName[$0] ?? 0 }
        let ranked = names.indices.sorted { totals[$0] != totals[$1] ? totals[$0] > totals[$1] : $0 < $1 }
        let kept = Set(ranked.prefix(limit))
        return names.indices.filter(kept.contains).map { names[$0] }
    }
}
