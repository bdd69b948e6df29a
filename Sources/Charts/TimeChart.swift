/// Line and stacked-area charts over an x axis of periods or categories.
/// `undated` gets its own slot right of a dashed separator and is never
/// joined to the lines.
struct TimeChart {
    let grid: SeriesGrid
    let spec: ChartSpec

    static let panelHeight = 240.0
    static let undatedWidth = 70.0

    func draw(in frame: ChartFrame) -> String {
        let stacked = spec.kind == .area
        let scale = ValueScale(values: grid.panels.flatMap { panel in
            stacked ? Self.stackTotals(panel) : panel.values.flatMap { $0 }
        })
        let tickWidth = scale.ticks.map { SVGCanvas.textWidth(scale.label($0), size: 11) }.max() ?? 0
        let left = 16 + max(tickWidth, 14) + 10
        let legendWidth = ChartFrame.legendWidth(grid.series + [spec.series ?? ""])
        let right = ChartFrame.width - legendWidth - 24
        let panelStride = Self.panelHeight + (grid.panels.count > 1 ? 62 : 46)
        let top = frame.headingHeight + 10
        var canvas = SVGCanvas(width: ChartFrame.width,
                               height: max(top + panelStride * Double(grid.panels.count), ChartFrame.legendBottom(grid.series.count, top: top + 16)) + 10)
        frame.drawHeading(on: &canvas)
        for (index, panel) in grid.panels.enumerated() {
            var panelTop = top + panelStride * Double(index)
            if let name = panel.name {
                canvas.text("\(spec.facet ?? ""): \(name)", x: left, y: panelTop + 4, className: "facet")
                panelTop += 16
            }
            let plot = Plot(left: left, right: right, top: panelTop + 8, bottom: panelTop + 8 + Self.panelHeight,
                            categories: grid.categories)
            drawAxes(plot, scale: scale, on: &canvas)
            if stacked { drawAreas(panel, plot: plot, scale: scale, on: &canvas) } else { drawLines(panel, plot: plot, scale: scale, on: &canvas) }
        }
        ChartFrame.drawLegend(grid.series, title: spec.series, x: right + 24, y: top + 16,
                              swatch: stacked ? .square : .line, on: &canvas)
        return canvas.document(title: frame.caption.title,
                               description: frame.description(kind: spec.kind, rows: grid.panels.flatMap { $0.rows.flatMap { $0 } }.compactMap { $0 }.count))
    }

    /// Where slots fall horizontally inside a panel.
    struct Plot {
        let left, right, top, bottom: Double
        let categories: Categories

        var mainRight: Double { categories.hasUndated ? right - TimeChart.undatedWidth : right }

        func x(ofSlot slot: Int) -> Double {
            if slot >= categories.labels.count { return mainRight + TimeChart.undatedWidth / 2 + 4 }
            let count = categories.labels.count
            guard count > 1 else { return (left + mainRight) / 2 }
            return left + 10 + Double(slot) * (mainRight - left - 20) / Double(count - 1)
        }
    }

    private func drawAxes(_ plot: Plot, scale: ValueScale, on canvas: inout SVGCanvas) {
        canvas.add("<g class=\"y-axis\">")
        for tick in scale.ticks {
            let y = scale.position(tick, from: plot.bottom, to: plot.top)
            canvas.line(x1: plot.left, y1: y, x2: plot.mainRight, y2: y, className: tick == 0 ? "axis" : "grid")
            canvas.text(scale.label(tick), x: plot.left - 6, y: y + 4, anchor: "end", className: "tick")
        }
        canvas.add("</g>")
        canvas.text(grid.valueName, x: plot.left, y: plot.top - 4, className: "tick axis-title")
        canvas.add("<g class=\"x-axis\">")
        let labels = grid.categories.labels
        let widest = labels.map { SVGCanvas.textWidth($0, size: 11) }.max() ?? 0
        let spacing = labels.count > 1 ? (plot.mainRight - plot.left - 20) / Double(labels.count - 1) : plot.mainRight - plot.left
        let step = max(1, Int(((widest + 12) / max(spacing, 1)).rounded(.up)))
        for (slot, label) in labels.enumerated() {
            let x = plot.x(ofSlot: slot)
            canvas.line(x1: x, y1: plot.bottom, x2: x, y2: plot.bottom + 4, className: "axis")
            if slot % step == 0 {
                canvas.text(label, x: x, y: plot.bottom + 17, anchor: "middle", className: "tick x-label")
            }
        }
        if plot.categories.hasUndated {
            let x = plot.mainRight + 4
            canvas.line(x1: x, y1: plot.top, x2: x, y2: plot.bottom + 20, className: "separator")
            canvas.text(Categories.undated, x: plot.x(ofSlot: labels.count), y: plot.bottom + 17, anchor: "middle",
                        className: "tick x-label undated")
        }
        canvas.add("</g>")
        if let x = spec.x { canvas.text(x, x: (plot.left + plot.mainRight) / 2, y: plot.bottom + 34, anchor: "middle", className: "tick axis-title") }
    }

    private func drawLines(_ panel: SeriesGrid.Panel, plot: Plot, scale: ValueScale, on canvas: inout SVGCanvas) {
        let dated = grid.categories.labels.count
        for (s, name) in grid.series.enumerated() {
            let colour = SVGCanvas.colour(s), dash = SVGCanvas.dash(s)
            if dated > 0 {
                let points = (0..<dated).map { slot in
                    "\(SVGCanvas.f(plot.x(ofSlot: slot))) \(SVGCanvas.f(scale.position(panel.values[s][slot], from: plot.bottom, to: plot.top)))"
                }
                canvas.add("<path class=\"series\" data-series=\"\(SVGCanvas.escape(name))\" stroke=\"\(colour)\""
                           + (dash.isEmpty ? "" : " stroke-dasharray=\"\(dash)\"") + " d=\"M" + points.joined(separator: " L") + "\"/>")
            }
            drawPoints(panel, series: s, plot: plot, colour: colour, on: &canvas) { slot in
                scale.position(panel.values[s][slot], from: plot.bottom, to: plot.top)
            }
        }
    }

    private func drawAreas(_ panel: SeriesGrid.Panel, plot: Plot, scale: ValueScale, on canvas: inout SVGCanvas) {
        let dated = grid.categories.labels.count
        var lower = Array(repeating: 0.0, count: grid.categories.slots.count)
        for (s, name) in grid.series.enumerated() {
            let upper = zip(lower, panel.values[s]).map { $0 + $1 }
            let colour = SVGCanvas.colour(s)
            func y(_ value: Double) -> Double { scale.position(value, from: plot.bottom, to: plot.top) }
            if dated > 0 {
                let top = (0..<dated).map { "\(SVGCanvas.f(plot.x(ofSlot: $0))) \(SVGCanvas.f(y(upper[$0])))" }
                let bottom = (0..<dated).reversed().map { "\(SVGCanvas.f(plot.x(ofSlot: $0))) \(SVGCanvas.f(y(lower[$0])))" }
                canvas.add("<path class=\"band\" data-series=\"\(SVGCanvas.escape(name))\" fill=\"\(colour)\" fill-opacity=\"0.85\" "
                           + "d=\"M" + (top + bottom).joined(separator: " L") + " Z\"/>")
            }
            if grid.categories.hasUndated {
                let x = plot.x(ofSlot: dated)
                canvas.add("<rect class=\"undated-bar\" data-series=\"\(SVGCanvas.escape(name))\" x=\"\(SVGCanvas.f(x - 14))\" "
                           + "y=\"\(SVGCanvas.f(y(upper[dated])))\" width=\"28\" height=\"\(SVGCanvas.f(y(lower[dated]) - y(upper[dated])))\" "
                           + "fill=\"\(colour)\" fill-opacity=\"0.85\"/>")
            }
            drawPoints(panel, series: s, plot: plot, colour: colour, on: &canvas) { y(upper[$0]) }
            lower = upper
        }
    }

    /// A marker for every table row, carrying the row number for the HTML report's links.
    private func drawPoints(_ panel: SeriesGrid.Panel, series s: Int, plot: Plot, colour: String, on canvas: inout SVGCanvas,
                            y: (Int) -> Double) {
        let name = grid.series[s]
        // Smaller markers when the periods crowd, so the lines stay readable.
        let radius = grid.categories.labels.count > 60 ? "1.2" : "2.5"
        for (slot, row) in panel.rows[s].enumerated() {
            guard let row else { continue }
            let label = grid.categories.slots[slot]
            let value = ValueScale.format(panel.values[s][slot], decimals: panel.values[s][slot].rounded() == panel.values[s][slot] ? 0 : 4)
            canvas.add("<circle class=\"point\" data-row=\"\(row + 1)\" cx=\"\(SVGCanvas.f(plot.x(ofSlot: slot)))\" "
                       + "cy=\"\(SVGCanvas.f(y(slot)))\" r=\"\(radius)\" fill=\"\(colour)\">"
                       + "<title>\(SVGCanvas.escape("\(name) · \(label): \(value)"))</title></circle>")
        }
    }

    private static func stackTotals(_ panel: SeriesGrid.Panel) -> [Double] {
        guard let first = panel.values.first else { return [] }
        return first.indices.map { slot in panel.values.reduce(0) { $0 + $1[slot] } }
    }
}
