/// Horizontal bars, one band per category and one bar per series with a
/// value there. Negative values extend left of zero, so keyness (positive
/// for one corpus, negative for the other) reads as a diverging chart.
struct BarChart {
    let grid: SeriesGrid
    let spec: ChartSpec

    static let barHeight = 16.0
    static let bandGap = 6.0

    func draw(in frame: ChartFrame) -> String {
        let scale = ValueScale(values: grid.panels.flatMap { $0.values.flatMap { $0 } })
        let slots = grid.categories.slots
        let labelWidth = min(220, (slots.map { SVGCanvas.textWidth($0) }.max() ?? 0) + 4)
        let left = 16 + labelWidth + 8
        let legendWidth = ChartFrame.legendWidth(grid.series + [spec.series ?? ""])
        let right = ChartFrame.width - legendWidth - 24
        let bands = grid.panels.map { panel in slots.indices.map { slot in max(1, barsAt(slot, in: panel).count) } }
        let top = frame.headingHeight + 24
        var height = top
        for (index, panel) in grid.panels.enumerated() {
            height += (panel.name == nil ? 0 : 20) + bandsHeight(bands[index]) + 44
        }
        var canvas = SVGCanvas(width: ChartFrame.width, height: max(height, ChartFrame.legendBottom(grid.series.count, top: top)) + 10)
        frame.drawHeading(on: &canvas)
        var y = top
        for (index, panel) in grid.panels.enumerated() {
            if let name = panel.name {
                canvas.text("\(spec.facet ?? ""): \(name)", x: 16, y: y + 4, className: "facet")
                y += 20
            }
            y = drawPanel(panel, bands: bands[index], top: y, left: left, right: right, labelWidth: labelWidth, scale: scale,
                          on: &canvas) + 44
        }
        ChartFrame.drawLegend(grid.series, title: spec.series, x: right + 24, y: top, swatch: .square, on: &canvas)
        let rows = grid.panels.flatMap { $0.rows.flatMap { $0 } }.compactMap { $0 }.count
        return canvas.document(title: frame.caption.title, description: frame.description(kind: .bar, rows: rows))
    }

    /// The series drawn at `slot`: those a row gave a value for.
    private func barsAt(_ slot: Int, in panel: SeriesGrid.Panel) -> [Int] {
        grid.series.indices.filter { panel.rows[$0][slot] != nil }
    }

    private func bandsHeight(_ bars: [Int]) -> Double {
        bars.reduce(0) { $0 + Double($1) * Self.barHeight + Self.bandGap } + (grid.categories.hasUndated ? 12 : 0)
    }

    /// Draws one panel from `top`; returns the bottom of its bands.
    private func drawPanel(_ panel: SeriesGrid.Panel, bands: [Int], top: Double, left: Double, right: Double, labelWidth: Double,
                           scale: ValueScale, on canvas: inout SVGCanvas) -> Double {
        let bottom = top + bandsHeight(bands)
        func x(_ value: Double) -> Double { scale.position(value, from: left, to: right) }
        canvas.add("<g class=\"x-axis\">")
        for tick in scale.ticks {
            canvas.line(x1: x(tick), y1: top, x2: x(tick), y2: bottom, className: tick == 0 ? "axis" : "grid")
            canvas.text(scale.label(tick), x: x(tick), y: bottom + 16, anchor: "middle", className: "tick")
        }
        canvas.add("</g>")
        canvas.text(grid.valueName, x: (left + right) / 2, y: bottom + 32, anchor: "middle", className: "tick axis-title")
        var y = top
        let labelCount = grid.categories.labels.count
        for (slot, label) in grid.categories.slots.enumerated() {
            if slot == labelCount {
                canvas.line(x1: 16, y1: y + 3, x2: right, y2: y + 3, className: "separator")
                y += 12
            }
            let bandHeight = Double(bands[slot]) * Self.barHeight
            canvas.add("<text class=\"y-label\(slot == labelCount ? " undated" : "")\" x=\"\(SVGCanvas.f(left - 6))\" "
                       + "y=\"\(SVGCanvas.f(y + bandHeight / 2 + 4))\" text-anchor=\"end\">"
                       + "\(SVGCanvas.escape(SVGCanvas.clipped(label, to: labelWidth)))<title>\(SVGCanvas.escape(label))</title></text>")
            for (position, s) in barsAt(slot, in: panel).enumerated() {
                let value = panel.values[s][slot]
                let start = x(min(0, value)), end = x(max(0, value))
                let row = panel.rows[s][slot].map { $0 + 1 } ?? 0
                let shown = ValueScale.format(value, decimals: value.rounded() == value ? 0 : 4)
                canvas.add("<rect class=\"bar\" data-row=\"\(row)\" data-series=\"\(SVGCanvas.escape(grid.series[s]))\" "
                           + "x=\"\(SVGCanvas.f(start))\" y=\"\(SVGCanvas.f(y + Double(position) * Self.barHeight + 1))\" "
                           + "width=\"\(SVGCanvas.f(max(end - start, 0.5)))\" height=\"\(SVGCanvas.f(Self.barHeight - 2))\" "
                           + "fill=\"\(SVGCanvas.colour(s))\"><title>\(SVGCanvas.escape("\(label) · \(grid.series[s]): \(shown)"))</title></rect>")
            }
            y += bandHeight + Self.bandGap
        }
        return bottom
    }
}
