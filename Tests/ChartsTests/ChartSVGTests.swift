import Foundation
import Testing
@testable import Charts

@Suite struct ChartSVGTests {
    let caption = ChartCaption(plugin: "mentions-by-month", parameters: ["terms": "中国,台湾", "by": "month"], corpus: "seeds (41 documents)")

    /// Two terms over 2025-01 and 2025-03 (2025-02 missing from the rows), plus undated.
    let series = ChartTable(columns: ["month", "term", "mentions"], rows: [
        ["2025-01", "中国", "3"], ["2025-01", "台湾", "1"],
        ["2025-03", "中国", "5"], ["2025-03", "台湾", "0"],
        ["undated", "中国", "2"], ["undated", "台湾", "4"],
    ])

    @Test func lineChartHasOnePathPerSeriesAPointPerRowAndPeriodsInOrder() throws {
        let svg = try Chart.svg(series, spec: ChartSpec(kind: .line, x: "month", y: "mentions", series: "term"), caption: caption)
        let s = try SVGStructure(svg)
        let paths = s.elements("path", class: "series")
        #expect(paths.map { s.attribute($0, "data-series") } == ["中国", "台湾"])
        #expect(s.elements("circle", class: "point").count == series.rows.count)
        #expect(s.texts(class: "x-label") == ["2025-01", "2025-02", "2025-03", "undated"])
        #expect(s.texts(class: "undated") == ["undated"])
        #expect(s.texts(class: "legend-entry") == ["中国", "台湾"])
        #expect(s.texts(class: "title") == ["mentions-by-month"])
        #expect(s.texts(class: "detail") == ["by=month · terms=中国,台湾", "corpus: seeds (41 documents)"])
        // The line runs through the three dated months only; the missing month is drawn at zero.
        let china = s.points(of: paths[0])
        #expect(china.count == 3)
        let zeroLine = try #require(s.elements("line", class: "axis").first { s.attribute($0, "y1") == s.attribute($0, "y2") })
        #expect(china[1].1 == Double(s.attribute(zeroLine, "y1")))
        // The undated points sit right of the separator, apart from the line.
        let separator = try #require(s.elements("line", class: "separator").first)
        let undatedPoints = s.elements("circle", class: "point").filter { s.attribute($0, "data-row") == "5" || s.attribute($0, "data-row") == "6" }
        #expect(undatedPoints.count == 2)
        #expect(undatedPoints.allSatisfy { Double(s.attribute($0, "cx"))! > Double(s.attribute(separator, "x1"))! })
        #expect(china.allSatisfy { $0.0 < Double(s.attribute(separator, "x1"))! })
    }

    @Test func captionShowsEmptyParametersAsQuotes() {
        #expect(ChartCaption(plugin: "stance", parameters: ["by": "none", "scheme": ""], corpus: nil).details == [#"by=none · scheme="""#])
    }

    @Test func sameInputSameBytes() throws {
        let spec = ChartSpec(kind: .line, x: "month", y: "mentions", series: "term")
        #expect(try Chart.svg(series, spec: spec, caption: caption) == Chart.svg(series, spec: spec, caption: caption))
        let network = ChartSpec(kind: .network, source: "a", target: "b", weight: "n")
        let edges = ChartTable(columns: ["a", "b", "n"], rows: [["日本", "米国", "3"], ["中国", "米国", "1"], ["日本", "中国", "2"]])
        #expect(try Chart.svg(edges, spec: network, caption: caption) == Chart.svg(edges, spec: network, caption: caption))
    }

    @Test func usesTheCJKFontStackAndOkabeItoColours() throws {
        let svg = try Chart.svg(series, spec: ChartSpec(kind: .line, x: "month", y: "mentions", series: "term"), caption: caption)
        #expect(svg.contains("font-family:'Noto Sans CJK JP'"))
        let s = try SVGStructure(svg)
        #expect(s.elements("path", class: "series").map { s.attribute($0, "stroke") } == ["#0072B2", "#D55E00"])
        #expect(!svg.contains("<script") && !svg.contains("http://www.w3.org/1999/xlink") && !svg.contains("href"))
    }

    @Test func stackedAreaHasABandPerSeriesAndAnUndatedBar() throws {
        let svg = try Chart.svg(series, spec: ChartSpec(kind: .area, x: "month", y: "mentions", series: "term"), caption: caption)
        let s = try SVGStructure(svg)
        #expect(s.elements("path", class: "band").count == 2)
        #expect(s.elements("rect", class: "undated-bar").count == 2)
        #expect(s.elements("circle", class: "point").count == 6)
    }

    @Test func facetsDrawOnePanelEach() throws {
        let table = ChartTable(columns: ["month", "target", "stance", "articles"], rows: [
            ["2025-01", "中国", "threat", "2"], ["2025-01", "日米同盟", "threat", "1"],
            ["2025-02", "中国", "threat", "0"], ["2025-02", "日米同盟", "threat", "4"],
        ])
        let svg = try Chart.svg(table, spec: ChartSpec(kind: .area, x: "month", y: "articles", series: "stance", facet: "target"),
                                caption: caption)
        let s = try SVGStructure(svg)
        #expect(s.texts(class: "facet") == ["target: 中国", "target: 日米同盟"])
        #expect(s.elements("path", class: "band").count == 2)
    }

    @Test func divergingBarsExtendLeftOfZero() throws {
        let keyness = ChartTable(columns: ["word", "keyness"], rows: [["防衛", "12.5"], ["首相", "-3"], ["米国", "4"]])
        let svg = try Chart.svg(keyness, spec: ChartSpec(kind: .bar, x: "word", y: "keyness"), caption: caption)
        let s = try SVGStructure(svg)
        let bars = s.elements("rect", class: "bar")
        #expect(bars.map { s.attribute($0, "data-row") } == ["1", "2", "3"])
        #expect(s.texts(class: "y-label") == ["防衛", "首相", "米国"])
        let zero = try #require(s.elements("line", class: "axis").first { s.attribute($0, "x1") == s.attribute($0, "x2") })
        let zeroX = Double(s.attribute(zero, "x1"))!
        #expect(Double(s.attribute(bars[1], "x"))! < zeroX)
        #expect(abs(Double(s.attribute(bars[1], "x"))! + Double(s.attribute(bars[1], "width"))! - zeroX) < 0.15)
        #expect(Double(s.attribute(bars[0], "x"))! == zeroX)
    }

    @Test func barLimitKeepsTheLargestAndSaysSo() throws {
        let table = ChartTable(columns: ["actor", "mentions"], rows: [["A", "1"], ["B", "9"], ["C", "5"], ["D", "2"]])
        let svg = try Chart.svg(table, spec: ChartSpec(kind: .bar, x: "actor", y: "mentions", limit: 2), caption: caption)
        let s = try SVGStructure(svg)
        #expect(s.texts(class: "y-label") == ["B", "C"])
        #expect(s.texts(class: "note") == ["largest 2 shown; 2 more actor values left out (raise it with --limit)"])
    }

    @Test func countsRowsWithoutAValueColumn() throws {
        let table = ChartTable(columns: ["target", "stance"], rows: [["中国", "threat"], ["中国", "threat"], ["中国", "neutral"]])
        let svg = try Chart.svg(table, spec: ChartSpec(kind: .bar, x: "target", series: "stance"), caption: caption)
        let s = try SVGStructure(svg)
        #expect(s.elements("rect", class: "bar").map { $0.stringValue ?? "" } == ["中国 · threat: 2", "中国 · neutral: 1"])
    }

    @Test func badTablesGiveClearErrors() throws {
        let spec = ChartSpec(kind: .line, x: "month", y: "mentions")
        #expect(throws: ChartError("rows 1 and 2 give the same month; name a series or facet column that tells them apart (--series, or facet= in the chart)")) {
            try Chart.svg(series, spec: spec, caption: caption)
        }
        let words = ChartTable(columns: ["month", "mentions"], rows: [["2025-01", "many"]])
        #expect(throws: ChartError("row 1, column 'mentions': 'many' is not a number to draw")) {
            try Chart.svg(words, spec: spec, caption: caption)
        }
        #expect(throws: ChartError("chart y 'count' is not a column of the result (columns: month,term,mentions)")) {
            try Chart.svg(series, spec: ChartSpec(kind: .line, x: "month", y: "count"), caption: caption)
        }
        #expect(throws: ChartError("chart kind must be one of line, bar, area, network, not 'pie'")) {
            try ChartSpec(fields: ["kind": "pie"])
        }
        let days = ChartTable(columns: ["day", "n"], rows: [["1900-01-01", "1"], ["2025-01-01", "2"]])
        #expect(throws: ChartError("the days run from 1900-01-01 to 2025-01-01, too many to draw; chart a longer period (for example --param by=year)")) {
            try Chart.svg(days, spec: ChartSpec(kind: .line, x: "day", y: "n"), caption: caption)
        }
    }

    @Test func theCanvasHoldsALongLegend() throws {
        let rows = (0..<40).map { ["2025-01", "term\($0)", "1"] }
        let svg = try Chart.svg(ChartTable(columns: ["month", "term", "n"], rows: rows),
                                spec: ChartSpec(kind: .line, x: "month", y: "n", series: "term"), caption: caption)
        let s = try SVGStructure(svg)
        let height = try #require(Double(s.attribute(s.root, "height")))
        let lastEntry = try #require(s.elements("text", class: "legend-entry").last)
        #expect(Double(s.attribute(lastEntry, "y"))! < height)
    }

    @Test func quartersAndWeeksAreFilledInOrder() throws {
        #expect(try Categories(values: ["2025-Q3", "2024-Q4", "undated"]).slots == ["2024-Q4", "2025-Q1", "2025-Q2", "2025-Q3", "undated"])
        #expect(try Categories(values: ["2025-W02", "2024-W52"]).labels == ["2024-W52", "2025-W01", "2025-W02"])
        #expect(try Categories(values: ["b", "a", "b"]).labels == ["b", "a"])
    }
}
