/// The Aho–Corasick automaton behind ``MultiTermMatcher``, over UTF-8 bytes.
///
/// Built in two steps: a trie of the patterns with failure links (breadth
/// first), then either a dense DFA over byte classes, when its table fits the
/// memory budget, or a compact form that follows failure links at scan time.
struct TermAutomaton: Sendable {
    /// Per node: the pattern ending exactly here, or -1.
    let terminal: [Int32]
    /// Per node: the nearest node on the failure chain (excluding itself) that is terminal, or -1.
    let outputLink: [Int32]
    let form: Form

    enum Form: Sendable {
        /// `table[state * classCount + classOf[byte]]` is the next state,
        /// premultiplied by `classCount`; encoded as `-(next) - 1` when the
        /// next state has an output, so the hot loop tests one sign bit.
        case dense(table: [Int32], classOf: [UInt8], classCount: Int)
        /// Children of node `n` are `edgeBytes/edgeTargets[edgeStart[n]..<edgeStart[n + 1]]`;
        /// the root's children are also in `rootNext` (0 when absent).
        case compact(edgeStart: [Int32], edgeBytes: [UInt8], edgeTargets: [Int32], fail: [Int32], rootNext: [Int32])
    }

    /// Bytes held by the tables (an estimate for memory accounting).
    let memoryBytes: Int

    /// `patterns` must be unique and non-empty.
    init(patterns: [[UInt8]], denseBudget: Int) {
        // Trie: children in per-node lists (fan-out is small below the root),
        // the root's in a 256-entry table.
        var children: [[(byte: UInt8, node: Int32)]] = [[]]
        var rootNext = [Int32](repeating: 0, count: 256)
        var terminal: [Int32] = [-1]
        for (index, pattern) in patterns.enumerated() {
            var node = 0
            for byte in pattern {
                if node == 0, rootNext[Int(byte)] != 0 {
                    node = Int(rootNext[Int(byte)])
                } else if node != 0, let next = children[node].first(where: { $0.byte == byte }) {
                    node = Int(next.node)
                } else {
                    let created = Int32(children.count)
                    children.append([])
                    terminal.append(-1)
                    children[node].append((byte, created))
                    if node == 0 { rootNext[Int(byte)] = created }
                    node = Int(created)
                }
            }
            terminal[node] = Int32(index)
        }
        let nodeCount = children.count
        for node in 0..<nodeCount { children[node].sort { $0.byte < $1.byte } }

        // Failure and output links, breadth first so every shorter suffix is done.
        var fail = [Int32](repeating: 0, count: nodeCount)
        var outputLink = [Int32](repeating: -1, count: nodeCount)
        var order: [Int32] = []
        order.reserveCapacity(nodeCount)
        order.append(0)
        var head = 0
        func child(_ node: Int, _ byte: UInt8) -> Int32? {
            node == 0 ? (rootNext[Int(byte)] != 0 ? rootNext[Int(byte)] : nil) : children[node].first { $0.byte == byte }?.node
        }
        while head < order.count {
            let node = Int(order[head])
            head += 1
            for (byte, next) in children[node] {
                var target: Int32 = 0
                if node != 0 {
                    var f = Int(fail[node])
                    while true {
                        if let found = child(f, byte) { target = found; break }
                        if f == 0 { break }
                        f = Int(fail[f])
                    }
                }
                fail[Int(next)] = target
                outputLink[Int(next)] = terminal[Int(target)] >= 0 ? target : outputLink[Int(target)]
                order.append(next)
            }
        }
        self.terminal = terminal
        self.outputLink = outputLink
        let linkBytes = nodeCount * 8

        // Byte classes: each byte used by a pattern gets its own class, every
        // other byte shares class 0; when all 256 are used, each is its own class.
        var used = [Bool](repeating: false, count: 256)
        for node in 0..<nodeCount { for (byte, _) in children[node] { used[Int(byte)] = true } }
        var classOf = [UInt8](repeating: 0, count: 256)
        var classCount = 1
        if used.allSatisfy({ $0 }) {
            classOf = (0...255).map { UInt8($0) }
            classCount = 256
        } else {
            for byte in 0..<256 where used[byte] {
                classOf[byte] = UInt8(classCount)
                classCount += 1
            }
        }
        let (cells, overflow) = nodeCount.multipliedReportingOverflow(by: classCount)
        // Premultiplied ids must fit Int32, and the table the budget.
        if !overflow, cells < Int(Int32.max), cells.multipliedReportingOverflow(by: 4).partialValue <= denseBudget {
            var table = [Int32](repeating: 0, count: cells)
            for nodeIndex in order {
                let node = Int(nodeIndex)
                let row = node * classCount
                if node != 0 {
                    // Start from the failure state's row (already final: it is shallower).
                    let failRow = Int(fail[node]) * classCount
                    for c in 0..<classCount { table[row + c] = table[failRow + c] }
                }
                for (byte, next) in children[node] {
                    let n = Int(next)
                    let premultiplied = Int32(n * classCount)
                    let hasOutput = terminal[n] >= 0 || outputLink[n] >= 0
                    table[row + Int(classOf[Int(byte)])] = hasOutput ? -premultiplied - 1 : premultiplied
                }
            }
            form = .dense(table: table, classOf: classOf, classCount: classCount)
            memoryBytes = cells * 4 + 256 + linkBytes
        } else {
            var edgeStart: [Int32] = [0]
            var edgeBytes: [UInt8] = []
            var edgeTargets: [Int32] = []
            edgeStart.reserveCapacity(nodeCount + 1)
            edgeBytes.reserveCapacity(nodeCount)
            edgeTargets.reserveCapacity(nodeCount)
            for node in 0..<nodeCount {
                for (byte, next) in children[node] {
                    edgeBytes.append(byte)
                    edgeTargets.append(next)
                }
                edgeStart.append(Int32(edgeBytes.count))
            }
            form = .compact(edgeStart: edgeStart, edgeBytes: edgeBytes, edgeTargets: edgeTargets, fail: fail, rootNext: rootNext)
            memoryBytes = nodeCount * 13 + 1024 + linkBytes
        }
    }
}
