/// A network drawn from an edge table: node area by strength (the summed
/// weight of its pairs), edge width by weight, positions from a seeded
/// force layout.
struct NetworkChart {
    let graph: Graph
    let spec: ChartSpec
    /// The force layout is quadratic in the nodes; past this a picture is neither quick nor readable.
    static let maximumNodes = 1500

    func draw(in frame: ChartFrame) -> String {
        let top = frame.headingHeight + 20
        let size = 600.0
        let legendX = 16 + size + 60
        let labelRoom = 90.0
        var canvas = SVGCanvas(width: ChartFrame.width, height: top + size + 40)
        frame.drawHeading(on: &canvas)
        let layout = ForceLayout(graph: graph)
        let heaviest = graph.edges.map(\.weight).max() ?? 1
        let strongest = graph.nodes.map(\.strength).max() ?? 1
        func point(_ id: String) -> (Double, Double)? {
            guard let i = graph.nodes.firstIndex(where: { $0.id == id }) else { return nil }
            return (40 + layout.positions[i].x * (size - labelRoom), top + 20 + layout.positions[i].y * (size - 40))
        }
        canvas.add("<g class=\"edges\">")
        for edge in graph.edges where edge.source != edge.target {
            guard let a = point(edge.source), let b = point(edge.target) else { continue }
            let width = 0.8 + 5.2 * edge.weight / max(heaviest, 1e-9)
            canvas.add("<line class=\"edge\" data-row=\"\(edge.rows.map { String($0 + 1) }.joined(separator: " "))\" "
                       + "x1=\"\(SVGCanvas.f(a.0))\" y1=\"\(SVGCanvas.f(a.1))\" x2=\"\(SVGCanvas.f(b.0))\" y2=\"\(SVGCanvas.f(b.1))\" "
                       + "stroke-width=\"\(SVGCanvas.f(width))\"><title>\(SVGCanvas.escape("\(edge.source) – \(edge.target): \(Self.number(edge.weight))"))</title></line>")
        }
        canvas.add("</g>\n<g class=\"nodes\">")
        for node in graph.nodes {
            guard let p = point(node.id) else { continue }
            let radius = 4 + 14 * (node.strength / max(strongest, 1e-9)).squareRoot()
            canvas.add("<circle class=\"node\" cx=\"\(SVGCanvas.f(p.0))\" cy=\"\(SVGCanvas.f(p.1))\" r=\"\(SVGCanvas.f(radius))\" "
                       + "fill=\"\(SVGCanvas.palette[0])\" fill-opacity=\"0.85\"><title>\(SVGCanvas.escape("\(node.id): \(Self.number(node.strength))"))</title></circle>")
            canvas.text(node.id, x: p.0 + radius + 3, y: p.1 + 4, className: "node-label")
        }
        canvas.add("</g>")
        let weightName = spec.weight ?? "rows"
        ChartFrame.drawLegend([], title: nil, x: legendX, y: top, swatch: .square, on: &canvas)
        canvas.text("node size: sum of \(weightName)", x: legendX, y: top + 4, className: "tick legend-entry")
        canvas.text("edge width: \(weightName)", x: legendX, y: top + 22, className: "tick legend-entry")
        canvas.text("\(graph.nodes.count) nodes, \(graph.edges.count) edges", x: legendX, y: top + 40, className: "tick legend-entry")
        return canvas.document(title: frame.caption.title,
                               description: frame.description(kind: .network, rows: graph.edges.reduce(0) { $0 + $1.rows.count }))
    }

    static func number(_ value: Double) -> String {
        ValueScale.format(value, decimals: value.rounded() == value ? 0 : 4)
    }
}
