import Foundation
import Testing
import TestSupport
@testable import Charts

@Suite struct NetworkTests {
    /// 日本–米国 arrives twice (a co-mention and a compound, in either order) and must become one edge.
    let pairs = ChartTable(columns: ["actor_a", "actor_b", "count", "source"], rows: [
        ["日本", "米国", "5", "co-mention"], ["米国", "日本", "3", "compound"],
        ["中国", "米国", "2", "co-mention"], ["中国", "台湾", "1", "co-mention"],
    ])
    let spec = ChartSpec(kind: .network, source: "actor_a", target: "actor_b", weight: "count")

    @Test func undirectedPairsMergeIntoOneEdge() throws {
        let graph = try Graph(table: pairs, spec: spec)
        #expect(graph.edges.map { "\($0.source)-\($0.target):\(Int($0.weight))" } == ["日本-米国:8", "中国-米国:2", "中国-台湾:1"])
        #expect(graph.edges[0].rows == [0, 1])
        #expect(graph.nodes.map(\.id) == ["中国", "台湾", "日本", "米国"])
        #expect(graph.nodes.map(\.strength) == [3, 1, 8, 10])
    }

    @Test func layoutIsSeededAndSizesFollowStrength() throws {
        let svg = try Chart.svg(pairs, spec: spec, caption: ChartCaption(title: "co-mentions"))
        let s = try SVGStructure(svg)
        let nodes = s.elements("circle", class: "node")
        #expect(nodes.count == 4)
        let radius = Dictionary(uniqueKeysWithValues: zip(s.texts(class: "node-label"), nodes.map { Double(s.attribute($0, "r"))! }))
        #expect(radius["米国"]! > radius["日本"]! && radius["日本"]! > radius["中国"]! && radius["中国"]! > radius["台湾"]!)
        let widths = s.elements("line", class: "edge").map { Double(s.attribute($0, "stroke-width"))! }
        #expect(widths == widths.sorted(by: >) && widths.count == 3)
        #expect(ForceLayout(graph: try Graph(table: pairs, spec: spec)).positions.map(\.x)
            == ForceLayout(graph: try Graph(table: pairs, spec: spec)).positions.map(\.x))
    }

    @Test func tooManyNodesIsAnErrorNotAStall() throws {
        let star = ChartTable(columns: ["a", "b"], rows: (0..<1501).map { ["hub", "n\($0)"] })
        #expect(throws: ChartError("the network has 1502 nodes, more than 1500 can be laid out and read; "
                                   + "draw fewer edges (--limit) or export it whole as .gexf or .graphml")) {
            try Chart.svg(star, spec: ChartSpec(kind: .network, source: "a", target: "b"), caption: ChartCaption(title: "t"))
        }
    }

    @Test func gexfAndGraphMLReadBackWithNetworkx() throws {
        let graph = try Graph(table: pairs, spec: spec).withAttributes([
            "中国": ["type": "country", "mentions": "4"], "台湾": ["type": "region", "mentions": "4"],
            "日本": ["type": "country", "mentions": "4"], "米国": ["type": "country", "mentions": "12"],
        ])
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try write(GraphExport.gexf(graph, description: "test"), to: folder + "/g.gexf")
        try write(GraphExport.graphML(graph, description: "test"), to: folder + "/g.graphml")
        let output = try runReferencePython("""
            import sys, networkx as nx
            for g in (nx.read_gexf(sys.argv[1]), nx.read_graphml(sys.argv[2])):
                label = lambda n: g.nodes[n].get("label", n)
                edges = sorted((tuple(sorted((label(a), label(b)))), d["weight"]) for a, b, d in g.edges(data=True))
                nodes = sorted((label(n), d["type"], d["mentions"], d["strength"]) for n, d in g.nodes(data=True))
                print(g.is_directed(), edges, nodes)
            """, arguments: [folder + "/g.gexf", folder + "/g.graphml"])
        let expected = "False [(('中国', '台湾'), 1.0), (('中国', '米国'), 2.0), (('日本', '米国'), 8.0)] "
            + "[('中国', 'country', 4, 3.0), ('台湾', 'region', 4, 1.0), ('日本', 'country', 4, 8.0), ('米国', 'country', 12, 10.0)]\n"
        #expect(output == expected + expected)
    }
}
