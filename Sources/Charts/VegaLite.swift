import Text

/// A Vega-Lite v5 spec with the data inlined, for restyling a kiji chart in
/// Observable, Altair or the Vega editor. Line and area charts become a
/// temporal-or-ordinal x encoding; `undated` rows stay in the data but are
/// filtered out of the time axis, as in kiji's own charts.
public enum VegaLite {
    public static func spec(_ table: ChartTable, spec: ChartSpec, caption: ChartCaption) throws -> String {
        try spec.check(columns: table.columns)
        guard spec.kind != .network, let x = spec.x else {
            throw ChartError("Vega-Lite export is for line, bar and area charts; write a network as .gexf or .graphml")
        }
        let grid = try SeriesGrid(table: table, spec: spec)
        // Columns whose every cell is a number are written as numbers.
        let numeric = Set(table.columns.indices.filter { column in
            !table.rows.isEmpty && table.rows.indices.allSatisfy { Double(table.cell($0, column))?.isFinite == true }
        }.map { table.columns[$0] })
        var out = "{\n  \"$schema\": \"https://vega.github.io/schema/vega-lite/v5.json\",\n"
        out += "  \"title\": {\"text\": \(json(spec.title ?? caption.title)), \"subtitle\": [\(caption.details.map(json).joined(separator: ", "))]},\n"
        out += "  \"width\": 640,\n  \"height\": 300,\n"
        out += "  \"data\": {\"values\": [\n"
        out += table.rows.indices.map { row in
            "    {" + table.columns.indices.map { column in
                let value = table.cell(row, column)
                let name = table.columns[column]
                let encoded = numeric.contains(name) && Double(value)?.isFinite == true ? value : json(value)
                return "\(json(name)): \(encoded)"
            }.joined(separator: ", ") + "}"
        }.joined(separator: ",\n")
        out += "\n  ]},\n"
        if grid.categories.hasUndated {
            out += "  \"transform\": [{\"filter\": {\"not\": {\"field\": \(json(x)), \"equal\": \"undated\"}}}],\n"
        }
        let mark: String
        switch spec.kind {
        case .line: mark = "{\"type\": \"line\", \"point\": true}"
        case .area: mark = "\"area\""
        default: mark = "\"bar\""
        }
        out += "  \"mark\": \(mark),\n  \"encoding\": {\n"
        let order = grid.categories.labels.map(json).joined(separator: ", ")
        let yField = spec.y.map { "{\"field\": \(json($0)), \"type\": \"quantitative\"" + (spec.kind == .area ? ", \"stack\": \"zero\"}" : "}") }
            ?? "{\"aggregate\": \"count\", \"type\": \"quantitative\"}"
        if spec.kind == .bar {
            out += "    \"y\": {\"field\": \(json(x)), \"type\": \"ordinal\", \"sort\": [\(order)]},\n    \"x\": \(yField)"
        } else {
            out += "    \"x\": {\"field\": \(json(x)), \"type\": \"ordinal\", \"sort\": [\(order)]},\n    \"y\": \(yField)"
        }
        if let series = spec.series {
            out += ",\n    \"color\": {\"field\": \(json(series)), \"type\": \"nominal\", \"sort\": [\(grid.series.map(json).joined(separator: ", "))], "
            out += "\"scale\": {\"range\": [\(SVGCanvas.palette.map(json).joined(separator: ", "))]}}"
        }
        if let facet = spec.facet { out += ",\n    \"row\": {\"field\": \(json(facet)), \"type\": \"nominal\"}" }
        out += "\n  }\n}\n"
        return out
    }

    static func json(_ text: String) -> String { JSONText.quoted(text) }
}
