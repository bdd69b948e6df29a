/// Draws a result table as a self-contained SVG chart. Knows nothing of
/// plugins or Lua: the input is rows of text and a ``ChartSpec``.
public enum Chart {
    /// The SVG for `table` drawn as `spec` says, headed by `caption`.
    /// The same input gives the same bytes.
    public static func svg(_ table: ChartTable, spec: ChartSpec, caption: ChartCaption) throws -> String {
        try spec.check(columns: table.columns)
        var frame = ChartFrame(caption: spec.title.map { ChartCaption(title: $0, details: caption.details) } ?? caption)
        switch spec.kind {
        case .line, .area, .bar:
            let grid = try SeriesGrid(table: table, spec: spec)
            if grid.omitted > 0 {
                let what = spec.kind == .bar ? "\(spec.x ?? "categories") values" : "\(spec.series ?? "series") values"
                frame.notes.append("largest \(spec.limit ?? 0) shown; \(grid.omitted) more \(what) left out (raise it with --limit)")
            }
            if table.rows.isEmpty { frame.notes.append("no rows to draw") }
            switch spec.kind {
            case .bar: return BarChart(grid: grid, spec: spec).draw(in: frame)
            default: return TimeChart(grid: grid, spec: spec).draw(in: frame)
            }
        case .network:
            let graph = try Graph(table: table, spec: spec)
            guard graph.nodes.count <= NetworkChart.maximumNodes else {
                throw ChartError("the network has \(graph.nodes.count) nodes, more than \(NetworkChart.maximumNodes) can be laid out "
                                 + "and read; draw fewer edges (--limit) or export it whole as .gexf or .graphml")
            }
            if graph.omittedEdges > 0 {
                frame.notes.append("heaviest \(spec.limit ?? 0) edges shown; \(graph.omittedEdges) more left out (raise it with --limit)")
            }
            return NetworkChart(graph: graph, spec: spec).draw(in: frame)
        }
    }
}

/// The parts every chart shares: the heading (title, parameters, corpus,
/// notes) and the legend.
struct ChartFrame {
    let caption: ChartCaption
    /// Lines saying what the chart leaves out, so nothing disappears silently.
    var notes: [String] = []
    static let width = 880.0

    init(caption: ChartCaption) {
        self.caption = caption
    }

    var headingHeight: Double { 34 + 16 * Double(caption.details.count + notes.count) + 8 }

    /// Draws the heading on `canvas`.
    func drawHeading(on canvas: inout SVGCanvas) {
        canvas.text(caption.title, x: 16, y: 26, className: "title")
        var y = 26.0
        for line in caption.details {
            y += 16
            canvas.text(SVGCanvas.clipped(line, to: Self.width - 32, size: 11), x: 16, y: y, className: "detail")
        }
        for line in notes {
            y += 16
            canvas.text(line, x: 16, y: y, className: "detail note")
        }
    }

    /// Where a legend of `count` entries (and its title) starting at `top` ends.
    static func legendBottom(_ count: Int, top: Double) -> Double {
        top + 18 * Double(count + 1)
    }

    /// The width a legend of `names` needs.
    static func legendWidth(_ names: [String]) -> Double {
        min(220, (names.map { SVGCanvas.textWidth($0) }.max() ?? 0) + 36)
    }

    /// One entry per series: a swatch (a line with its dash, or a square) and the name.
    static func drawLegend(_ names: [String], title: String?, x: Double, y: Double, swatch: LegendSwatch, on canvas: inout SVGCanvas) {
        var top = y
        canvas.add("<g class=\"legend\">")
        if let title {
            canvas.text(SVGCanvas.clipped(title, to: 200), x: x, y: top + 4, className: "legend-title tick")
            top += 18
        }
        for (index, name) in names.enumerated() {
            let colour = SVGCanvas.colour(index)
            switch swatch {
            case .line:
                let dash = SVGCanvas.dash(index)
                canvas.add("<line x1=\"\(SVGCanvas.f(x))\" y1=\"\(SVGCanvas.f(top))\" x2=\"\(SVGCanvas.f(x + 20))\" y2=\"\(SVGCanvas.f(top))\" "
                           + "stroke=\"\(colour)\" stroke-width=\"3\"\(dash.isEmpty ? "" : " stroke-dasharray=\"\(dash)\"")/>")
            case .square:
                canvas.add("<rect x=\"\(SVGCanvas.f(x + 4))\" y=\"\(SVGCanvas.f(top - 6))\" width=\"12\" height=\"12\" fill=\"\(colour)\"/>")
            }
            canvas.add("<text class=\"legend-entry\" x=\"\(SVGCanvas.f(x + 26))\" y=\"\(SVGCanvas.f(top + 4))\">"
                       + "\(SVGCanvas.escape(SVGCanvas.clipped(name, to: 190)))<title>\(SVGCanvas.escape(name))</title></text>")
            top += 18
        }
        canvas.add("</g>")
    }

    enum LegendSwatch { case line, square }

    /// A text description of the chart for `<desc>`.
    func description(kind: ChartKind, rows: Int) -> String {
        ([caption.title] + caption.details + notes + ["\(kind.rawValue) chart of \(rows) rows, drawn by kiji"]).joined(separator: "; ")
    }
}
