import Foundation
import Testing
import TestSupport

/// run --chart, kiji chart, reports and graph exports, end to end.
@Suite struct ChartCommandTests {
    func read(_ path: String) throws -> String { String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self) }

    func count(_ needle: String, in text: String) -> Int { text.components(separatedBy: needle).count - 1 }

    @Test func runDrawsThePluginsChartAndChartRedrawsTheSameBytes() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let run = try KijiProcess.run(["run", "mentions-by-month", "-o", "\(folder)/m.csv", "--chart", "\(folder)/m.svg"])
        #expect(run.status == 0)
        #expect(run.stderr.hasPrefix("kiji: mentions-by-month: 41 documents (20 undated) from 5 files, 125 rows in "))
        #expect(run.stderr.hasSuffix(" s -> \(folder)/m.csv\n"))
        let svg = try read("\(folder)/m.svg")
        #expect(count("<path class=\"series\"", in: svg) == 5)
        #expect(count("<circle class=\"point\"", in: svg) == 125)
        #expect(svg.contains(">terms=日米同盟,中国,尖閣,防衛費,台湾<") == false)
        #expect(svg.contains("by=month · dates=any · terms=日米同盟,中国,尖閣,防衛費,台湾"))
        #expect(svg.contains(">corpus: seeds (41 documents)<"))
        let redraw = try KijiProcess.run(["chart", "\(folder)/m.csv", "-o", "\(folder)/again.svg"])
        #expect(redraw.status == 0)
        #expect(redraw.stderr == "kiji: chart: 125 rows from \(folder)/m.csv -> \(folder)/again.svg\n")
        #expect(try read("\(folder)/again.svg") == svg)
    }

    @Test func rerunDrawsTheChartAgain() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(try KijiProcess.run(["run", "stance", "--param", "by=month", "-o", "\(folder)/s.csv",
                                     "--chart", "\(folder)/s.svg", "--title", "立場", "--limit", "3"]).status == 0)
        let svg = try read("\(folder)/s.svg")
        try FileManager.default.removeItem(atPath: "\(folder)/s.svg")
        let rerun = try KijiProcess.run(["rerun", "\(folder)/s.csv.manifest.json"])
        #expect(rerun.status == 0)
        #expect(rerun.stdout.hasPrefix("inputs unchanged\noutput identical"))
        #expect(try read("\(folder)/s.svg") == svg)
        #expect(svg.contains(">立場</text>") && svg.contains("largest 3 shown; 4 more stance values left out"))
    }

    @Test func overridesAndTheirErrors() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        _ = try KijiProcess.run(["run", "mentions-by-month", "-o", "\(folder)/m.csv"])
        let bars = try KijiProcess.run(["chart", "\(folder)/m.csv", "-o", "\(folder)/b.svg", "--kind", "bar", "--x", "term", "--y", "mentions"])
        #expect(bars.status == 2)
        #expect(bars.stderr == "kiji: cannot draw '\(folder)/b.svg': rows 1 and 6 give the same term; "
                + "name a series or facet column that tells them apart (--series, or facet= in the chart)\n")
        let titled = try KijiProcess.run(["chart", "\(folder)/m.csv", "-o", "\(folder)/t.svg", "--kind", "area", "--title", "尖閣と台湾"])
        #expect(titled.status == 0)
        let svg = try read("\(folder)/t.svg")
        #expect(svg.contains("<text x=\"16\" y=\"26\" class=\"title\">尖閣と台湾</text>"))
        #expect(count("<path class=\"band\"", in: svg) == 5)

        try write("word,keyness\n防衛,3.5\n首相,-2\n", to: "\(folder)/k.csv")
        let bare = try KijiProcess.run(["chart", "\(folder)/k.csv", "-o", "\(folder)/k.svg"])
        #expect(bare.status == 2)
        #expect(bare.stderr == "kiji: \(folder)/k.csv has no manifest beside it (\(folder)/k.csv.manifest.json, written by 'kiji run -o'); "
                + "say what to draw with --kind (line, bar, area, network) and --x (and --y, --series)\n")
        #expect(try KijiProcess.run(["chart", "\(folder)/k.csv", "-o", "\(folder)/k.svg", "--kind", "bar", "--x", "word", "--y", "keyness"]).status == 0)
        #expect(count("<rect class=\"bar\"", in: try read("\(folder)/k.svg")) == 2)
        let pie = try KijiProcess.run(["chart", "\(folder)/k.csv", "-o", "\(folder)/k.svg", "--kind", "pie"])
        #expect(pie.status == 2)
        #expect(pie.stderr.contains("--kind must be one of line, bar, area, network, not 'pie'"))
        let png = try KijiProcess.run(["chart", "\(folder)/k.csv", "-o", "\(folder)/k.png", "--kind", "bar", "--x", "word"])
        #expect(png.stderr == "kiji: cannot draw '\(folder)/k.png': name a file ending in .svg, .html, .gexf, .graphml, .vl.json\n")
        let stray = try KijiProcess.run(["run", "documents", "--x", "id"])
        #expect(stray.status == 2)
        #expect(stray.stderr.contains("--kind, --x, --y, --series, --facet, --title and --limit shape a chart; add --chart FILE"))
        #expect(try KijiProcess.run(["run", "documents", "--chart", "\(folder)/d.svg"]).stderr
                == "kiji: plugin 'documents' declares no chart; say what to draw with --kind (line, bar, area, network) and --x (and --y, --series)\n")
    }

    @Test func describeShowsTheChart() throws {
        #expect(try KijiProcess.run(["describe", "mentions-by-month"]).stdout
                .contains("chart: kind=line x=month y=mentions series=term (for the default parameters)\n"))
        #expect(try KijiProcess.run(["describe", "documents"]).stdout.contains("chart: (none; draw one with --chart FILE --kind … --x …)\n"))
    }

    @Test func htmlReportLinksMarksToRowsAndRowsToPassages() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let run = try KijiProcess.run(["run", "kwic", "--param", "term=尖閣", "-o", "\(folder)/k.csv", "--chart", "\(folder)/k.html",
                                       "--kind", "bar", "--x", "doc_id"])
        #expect(run.status == 0)
        let rows = try read("\(folder)/k.csv").split(separator: "\n").count - 1
        let html = try read("\(folder)/k.html")
        #expect(count("<tr id=\"row-", in: html) == rows)
        #expect(count("<td><a href=\"#passage-", in: html) == rows)
        #expect(count("<blockquote id=\"passage-", in: html) == rows)
        #expect(count("<mark>尖閣</mark>", in: html) == rows)
        #expect(html.contains("<a href=\"#row-1\"><rect class=\"bar\" data-row=\"1\""))
        #expect(html.contains("<pre class=\"manifest\">"))
        #expect(html.contains("&quot;created&quot; : &quot;&quot;"))
        #expect(!html.contains("<script") && !html.contains("src=") && !html.contains("href=\"http"))
        let again = try KijiProcess.run(["run", "kwic", "--param", "term=尖閣", "-o", "\(folder)/k.csv", "--chart", "\(folder)/k.html",
                                         "--kind", "bar", "--x", "doc_id"])
        #expect(again.status == 0)
        #expect(try read("\(folder)/k.html") == html)
    }

    @Test func gephiEdgesAndGEXFImportAsTheyAre() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(try KijiProcess.run(["run", "co-mentions", "--param", "format=gephi", "-o", "\(folder)/e.csv"]).status == 0)
        #expect(try KijiProcess.run(["run", "co-mentions", "--param", "format=nodes", "-o", "\(folder)/n.csv"]).status == 0)
        let edges = try read("\(folder)/e.csv")
        #expect(edges.hasPrefix("Source,Target,Weight,Type\n日本,米国,"))
        let chart = try KijiProcess.run(["chart", "\(folder)/e.csv", "--nodes", "\(folder)/n.csv", "-o", "\(folder)/g.gexf"])
        #expect(chart.status == 0)
        #expect(try KijiProcess.run(["chart", "\(folder)/e.csv", "--nodes", "\(folder)/n.csv", "-o", "\(folder)/g.graphml"]).status == 0)
        let check = try runReferencePython("""
            import csv, sys, networkx as nx
            rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8")))
            pairs = [frozenset((r["Source"], r["Target"])) for r in rows]
            assert len(pairs) == len(set(pairs)), "a pair appears twice"
            assert all(r["Type"] == "Undirected" for r in rows)
            nodes = {r["Id"]: r for r in csv.DictReader(open(sys.argv[2], encoding="utf-8"))}
            for g in (nx.read_gexf(sys.argv[3]), nx.read_graphml(sys.argv[4])):
                label = lambda n: g.nodes[n].get("label", n)
                assert not g.is_directed()
                weights = {frozenset((label(a), label(b))): d["weight"] for a, b, d in g.edges(data=True)}
                assert weights == {frozenset((r["Source"], r["Target"])): float(r["Weight"]) for r in rows}
                for n, d in g.nodes(data=True):
                    assert d["type"] == nodes[label(n)]["type"] and d["mentions"] == int(nodes[label(n)]["mentions"]), label(n)
            print(len(rows), g.number_of_nodes())
            """, arguments: ["\(folder)/e.csv", "\(folder)/n.csv", "\(folder)/g.gexf", "\(folder)/g.graphml"])
        let edgeRows = edges.split(separator: "\n").count - 1
        #expect(check.hasPrefix("\(edgeRows) "))
    }

    @Test func vegaLiteHoldsSpecAndData() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(try KijiProcess.run(["run", "mentions-by-month", "--chart", "\(folder)/m.vl.json"]).status == 0)
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: "\(folder)/m.vl.json"))) as? [String: Any]
        #expect(json?["$schema"] as? String == "https://vega.github.io/schema/vega-lite/v5.json")
        let values = (json?["data"] as? [String: Any])?["values"] as? [[String: Any]]
        #expect(values?.count == 125)
        #expect(values?.first?["mentions"] as? Int == 0)
        #expect((json?["encoding"] as? [String: Any])?["color"] != nil)
    }
}
