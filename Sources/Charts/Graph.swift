/// An undirected weighted graph read from an edge table: rows naming the
/// same pair in either order (or from several sources) merge into one edge.
public struct Graph: Sendable, Equatable {
    public struct Node: Sendable, Equatable {
        public let id: String
        /// The sum of the weights of its edges (how often it is paired).
        public var strength: Double
        /// Extra attributes (for example type and mentions), from a node table.
        public var attributes: [String: String]
    }

    public struct Edge: Sendable, Equatable {
        /// The two ends, `source` before `target` by UTF-8 bytes.
        public let source: String
        public let target: String
        public var weight: Double
        /// The 0-based table rows merged into this edge.
        public var rows: [Int]
    }

    /// Nodes sorted by id (UTF-8 bytes); edges by weight (descending), then ends.
    public private(set) var nodes: [Node]
    public let edges: [Edge]
    /// Edges left out by the spec's limit.
    public let omittedEdges: Int

    public init(table: ChartTable, spec: ChartSpec, nodeAttributes: [String: [String: String]] = [:], applyLimit: Bool = true) throws {
        guard let sourceName = spec.source, let targetName = spec.target else {
            throw ChartError("a network needs 'source' and 'target', the columns naming each edge's ends")
        }
        let sourceColumn = try table.index(of: sourceName), targetColumn = try table.index(of: targetName)
        let weightColumn = try spec.weight.map(table.index(of:))
        var merged: [String: Edge] = [:]
        for row in table.rows.indices {
            var a = table.cell(row, sourceColumn), b = table.cell(row, targetColumn)
            guard !a.isEmpty, !b.isEmpty else {
                throw ChartError("row \(row + 1): an edge needs both '\(sourceName)' and '\(targetName)'; one is empty")
            }
            if Self.precedes(b, a) { swap(&a, &b) }
            let weight = try weightColumn.map { try table.number(row, $0) } ?? 1
            let key = a + "\u{0}" + b
            merged[key, default: Edge(source: a, target: b, weight: 0, rows: [])].weight += weight
            merged[key]?.rows.append(row)
        }
        var edges = merged.values.sorted {
            if $0.weight != $1.weight { return $0.weight > $1.weight }
            if $0.source != $1.source { return Self.precedes($0.source, $1.source) }
            return Self.precedes($0.target, $1.target)
        }
        var omitted = 0
        if applyLimit, let limit = spec.limit, edges.count > limit {
            omitted = edges.count - limit
            edges = Array(edges.prefix(limit))
        }
        var strength: [String: Double] = [:]
        for edge in edges {
            strength[edge.source, default: 0] += edge.weight
            if edge.target != edge.source { strength[edge.target, default: 0] += edge.weight }
        }
        nodes = strength.keys.sorted(by: Self.precedes).map { Node(id: $0, strength: strength[$0] ?? 0, attributes: nodeAttributes[$0] ?? [:]) }
        self.edges = edges
        omittedEdges = omitted
    }

    /// This graph with node attributes (for example from a node table: type, mentions) added.
    public func withAttributes(_ attributes: [String: [String: String]]) -> Graph {
        var copy = self
        copy.nodes = nodes.map { node in
            var node = node
            node.attributes.merge(attributes[node.id] ?? [:]) { _, new in new }
            return node
        }
        return copy
    }

    static func precedes(_ a: String, _ b: String) -> Bool { a.utf8.lexicographicallyPrecedes(b.utf8) }
}

/// A Fruchterman–Reingold force layout from a fixed seed: the same graph
/// always gets the same positions.
struct ForceLayout {
    /// Positions in the unit square, one per node of the graph.
    let positions: [(x: Double, y: Double)]

    init(graph: Graph, seed: UInt64 = 0x6B696A69) {
        let count = graph.nodes.count
        var random = SplitMix64(seed: seed)
        var x = (0..<count).map { _ in random.nextUnit() }
        var y = (0..<count).map { _ in random.nextUnit() }
        guard count > 1 else {
            positions = count == 1 ? [(0.5, 0.5)] : []
            return
        }
        let index = Dictionary(graph.nodes.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        let heaviest = graph.edges.map(\.weight).max() ?? 1
        let links = graph.edges.compactMap { edge -> (Int, Int, Double)? in
            guard let a = index[edge.source], let b = index[edge.target], a != b else { return nil }
            return (a, b, 0.4 + 0.6 * edge.weight / max(heaviest, 1e-9))
        }
        let k = (1.0 / Double(count)).squareRoot()
        // Fewer iterations for big graphs: the repulsion is quadratic.
        let iterations = max(60, min(400, 4_000_000 / (count * count)))
        for iteration in 0..<iterations {
            let temperature = 0.1 * (1 - Double(iteration) / Double(iterations)) + 0.002
            var dx = Array(repeating: 0.0, count: count), dy = Array(repeating: 0.0, count: count)
            for i in 0..<count {
                for j in (i + 1)..<count {
                    var ddx = x[i] - x[j], ddy = y[i] - y[j]
                    var distance = (ddx * ddx + ddy * ddy).squareRoot()
                    if distance < 1e-6 { ddx = 1e-3 * Double(i - j); ddy = 1e-3; distance = (ddx * ddx + ddy * ddy).squareRoot() }
                    let force = k * k / distance
                    dx[i] += ddx / distance * force; dy[i] += ddy / distance * force
                    dx[j] -= ddx / distance * force; dy[j] -= ddy / distance * force
                }
            }
            for (a, b, strength) in links {
                let ddx = x[a] - x[b], ddy = y[a] - y[b]
                let distance = max((ddx * ddx + ddy * ddy).squareRoot(), 1e-6)
                let force = distance * distance / k * strength
                dx[a] -= ddx / distance * force; dy[a] -= ddy / distance * force
                dx[b] += ddx / distance * force; dy[b] += ddy / distance * force
            }
            for i in 0..<count {
                // A weak pull to the centre keeps separate components on the page.
                dx[i] -= (x[i] - 0.5) * k * 2
                dy[i] -= (y[i] - 0.5) * k * 2
                let length = max((dx[i] * dx[i] + dy[i] * dy[i]).squareRoot(), 1e-9)
                let step = min(length, temperature)
                x[i] += dx[i] / length * step
                y[i] += dy[i] / length * step
            }
        }
        // Stretch to fill the unit square.
        let minX = x.min() ?? 0, maxX = x.max() ?? 1, minY = y.min() ?? 0, maxY = y.max() ?? 1
        positions = (0..<count).map { i in
            ((x[i] - minX) / max(maxX - minX, 1e-9), (y[i] - minY) / max(maxY - minY, 1e-9))
        }
    }
}

/// A small, fast, seedable generator (Steele, Lea and Flood's SplitMix64).
struct SplitMix64 {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in [0, 1).
    mutating func nextUnit() -> Double { Double(next() >> 11) / Double(UInt64(1) << 53) }
}
