/// Writes a ``Graph`` for network tools: GEXF 1.2 (Gephi) and GraphML
/// (Gephi, Cytoscape, igraph, networkx). Undirected; node attributes are the
/// strength (summed edge weight) and any attributes from a node table.
public enum GraphExport {
    public static func gexf(_ graph: Graph, description: String) -> String {
        let attributes = attributeNames(graph)
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<gexf xmlns=\"http://www.gexf.net/1.2draft\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
        out += "xsi:schemaLocation=\"http://www.gexf.net/1.2draft http://www.gexf.net/1.2draft/gexf.xsd\" version=\"1.2\">\n"
        out += "  <meta>\n    <creator>kiji</creator>\n    <description>\(x(description))</description>\n  </meta>\n"
        out += "  <graph mode=\"static\" defaultedgetype=\"undirected\">\n"
        out += "    <attributes class=\"node\">\n"
        out += "      <attribute id=\"strength\" title=\"strength\" type=\"double\"/>\n"
        for (name, type) in attributes { out += "      <attribute id=\"\(x(name))\" title=\"\(x(name))\" type=\"\(type.gexf)\"/>\n" }
        out += "    </attributes>\n    <nodes>\n"
        for (index, node) in graph.nodes.enumerated() {
            out += "      <node id=\"n\(index)\" label=\"\(x(node.id))\">\n        <attvalues>\n"
            out += "          <attvalue for=\"strength\" value=\"\(number(node.strength))\"/>\n"
            for (name, _) in attributes {
                if let value = node.attributes[name] { out += "          <attvalue for=\"\(x(name))\" value=\"\(x(value))\"/>\n" }
            }
            out += "        </attvalues>\n      </node>\n"
        }
        out += "    </nodes>\n    <edges>\n"
        let ids = nodeIDs(graph)
        for (index, edge) in graph.edges.enumerated() {
            out += "      <edge id=\"e\(index)\" source=\"\(ids[edge.source] ?? "")\" target=\"\(ids[edge.target] ?? "")\" "
            out += "weight=\"\(number(edge.weight))\"/>\n"
        }
        out += "    </edges>\n  </graph>\n</gexf>\n"
        return out
    }

    public static func graphML(_ graph: Graph, description: String) -> String {
        let attributes = attributeNames(graph)
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
        out += "  <desc>\(x(description))</desc>\n"
        out += "  <key id=\"label\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>\n"
        out += "  <key id=\"strength\" for=\"node\" attr.name=\"strength\" attr.type=\"double\"/>\n"
        for (index, (name, type)) in attributes.enumerated() {
            out += "  <key id=\"a\(index)\" for=\"node\" attr.name=\"\(x(name))\" attr.type=\"\(type.graphML)\"/>\n"
        }
        out += "  <key id=\"weight\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>\n"
        out += "  <graph id=\"G\" edgedefault=\"undirected\">\n"
        for (index, node) in graph.nodes.enumerated() {
            out += "    <node id=\"n\(index)\">\n      <data key=\"label\">\(x(node.id))</data>\n"
            out += "      <data key=\"strength\">\(number(node.strength))</data>\n"
            for (a, (name, _)) in attributes.enumerated() {
                if let value = node.attributes[name] { out += "      <data key=\"a\(a)\">\(x(value))</data>\n" }
            }
            out += "    </node>\n"
        }
        let ids = nodeIDs(graph)
        for (index, edge) in graph.edges.enumerated() {
            out += "    <edge id=\"e\(index)\" source=\"\(ids[edge.source] ?? "")\" target=\"\(ids[edge.target] ?? "")\">"
            out += "<data key=\"weight\">\(number(edge.weight))</data></edge>\n"
        }
        out += "  </graph>\n</graphml>\n"
        return out
    }

    enum AttributeType {
        case integer, double, string
        var gexf: String { switch self { case .integer: "integer"; case .double: "double"; case .string: "string" } }
        var graphML: String { switch self { case .integer: "int"; case .double: "double"; case .string: "string" } }
    }

    /// Attribute names in sorted order, typed by their values: integer when
    /// every value is a whole number, double when every value is a number.
    static func attributeNames(_ graph: Graph) -> [(String, AttributeType)] {
        let names = Set(graph.nodes.flatMap { $0.attributes.keys }).sorted(by: Graph.precedes)
        return names.map { name in
            let values = graph.nodes.compactMap { $0.attributes[name] }
            if values.allSatisfy({ Int($0) != nil }) { return (name, .integer) }
            if values.allSatisfy({ Double($0)?.isFinite == true }) { return (name, .double) }
            return (name, .string)
        }
    }

    private static func nodeIDs(_ graph: Graph) -> [String: String] {
        Dictionary(graph.nodes.enumerated().map { ($1.id, "n\($0)") }, uniquingKeysWith: { a, _ in a })
    }

    static func number(_ value: Double) -> String {
        value.rounded() == value && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }

    private static func x(_ text: String) -> String { SVGCanvas.escape(text) }
}
