/// Counts many terms in one pass over a text, with exactly the semantics of
/// counting each term alone with ``TermSearch``: for every term separately,
/// non-overlapping occurrences scanning left to right (Python's `str.count`).
///
/// An Aho–Corasick automaton reports every occurrence of every term, in order
/// of where it ends; a term's occurrence is counted only when it starts at or
/// after the end of that term's last counted one. Since all occurrences of one
/// term have the same length, ordering by end is ordering by start, so this
/// is the leftmost-first greedy count. Terms and text are UTF-8 bytes, both
/// already normalised; UTF-8 is self-synchronising, so byte matches are
/// code point matches.
public final class MultiTermMatcher: Sendable {
    /// The terms as given (duplicates included).
    public let termCount: Int
    /// Per term: its index among the unique non-empty patterns, or -1 for an empty term (never matches).
    private let patternOfTerm: [Int32]
    /// Per unique pattern: its length in bytes.
    private let patternLength: [Int]
    private let automaton: TermAutomaton

    /// The default budget for the dense table; larger automata use the compact form.
    public static let defaultDenseBudget = 2 << 20
    /// Patterns may hold at most this many bytes in all, so node ids fit 32 bits.
    public static let maximumTotalBytes = 1 << 30

    /// Whether the automaton is a dense DFA (else the compact form with failure links).
    public var isDense: Bool {
        if case .dense = automaton.form { return true }
        return false
    }

    /// Bytes held by the automaton, for memory accounting.
    public var memoryBytes: Int { automaton.memoryBytes + patternOfTerm.count * 4 + patternLength.count * 8 }

    /// - Parameters:
    ///   - terms: normalised UTF-8 terms; empty ones never match, duplicates count alike.
    ///   - denseBudget: the most bytes the dense table may take.
    /// - Throws: ``MultiTermMatcherError`` when the terms hold more than ``maximumTotalBytes``.
    public init(terms: [[UInt8]], denseBudget: Int = MultiTermMatcher.defaultDenseBudget) throws {
        var total = 0
        for term in terms {
            total += term.count
            guard total <= Self.maximumTotalBytes else { throw MultiTermMatcherError.tooLarge(bytes: Self.maximumTotalBytes) }
        }
        var index: [[UInt8]: Int32] = [:]
        var patterns: [[UInt8]] = []
        patternOfTerm = terms.map { term in
            guard !term.isEmpty else { return -1 }
            if let known = index[term] { return known }
            let id = Int32(patterns.count)
            index[term] = id
            patterns.append(term)
            return id
        }
        patternLength = patterns.map(\.count)
        termCount = terms.count
        automaton = TermAutomaton(patterns: patterns, denseBudget: denseBudget)
    }

    /// Convenience for tests and callers holding strings (used as given, not normalised).
    public convenience init(terms: [String], denseBudget: Int = MultiTermMatcher.defaultDenseBudget) throws {
        try self.init(terms: terms.map { Array($0.utf8) }, denseBudget: denseBudget)
    }

    /// The count of each term, in the order the terms were given.
    public func counts(in text: UnsafeBufferPointer<UInt8>) -> [Int] {
        var perPattern = [Int](repeating: 0, count: patternLength.count)
        perPattern.withUnsafeMutableBufferPointer { counts in
            forEachCounted(in: text) { pattern, _ in
                counts[pattern] += 1
                return true
            }
        }
        return patternOfTerm.map { $0 < 0 ? 0 : perPattern[Int($0)] }
    }

    /// Calls `body(term, byteOffset)` for each counted occurrence, in order
    /// of where it ends (for one term, in order of start), until it returns
    /// false. `term` is the first index among duplicates.
    public func forEachMatch(in text: UnsafeBufferPointer<UInt8>, _ body: (_ term: Int, _ start: Int) throws -> Bool) rethrows {
        // First term index of each pattern, for reporting.
        var termOfPattern = [Int](repeating: 0, count: patternLength.count)
        for (term, pattern) in patternOfTerm.enumerated().reversed() where pattern >= 0 { termOfPattern[Int(pattern)] = term }
        try forEachCounted(in: text) { pattern, start in try body(termOfPattern[pattern], start) }
    }

    /// Runs the automaton; `report(pattern, start)` sees only occurrences
    /// that count (non-overlapping per pattern) and stops the scan by returning false.
    private func forEachCounted(in text: UnsafeBufferPointer<UInt8>, _ report: (Int, Int) throws -> Bool) rethrows {
        guard !patternLength.isEmpty, let bytes = text.baseAddress else { return }
        let count = text.count
        // Where each pattern's last counted occurrence ended (exclusive).
        var lastEnd = [Int](repeating: 0, count: patternLength.count)
        try lastEnd.withUnsafeMutableBufferPointer { lastEnd in
            try Self.withLinks(automaton.terminal, automaton.outputLink) { terminal, outputLink in
                // Reports every pattern ending at `end` (exclusive) in `node`; false stops the scan.
                func emit(_ node: Int, end: Int) throws -> Bool {
                    var current = terminal[node] >= 0 ? node : Int(outputLink[node])
                    while current >= 0 {
                        let pattern = Int(terminal[current])
                        let start = end - patternLength[pattern]
                        if start >= lastEnd[pattern] {
                            lastEnd[pattern] = end
                            if try !report(pattern, start) { return false }
                        }
                        current = Int(outputLink[current])
                    }
                    return true
                }
                switch automaton.form {
                case .dense(let table, let classOf, let classCount):
                    try table.withUnsafeBufferPointer { table in
                        try classOf.withUnsafeBufferPointer { classOf in
                            guard let table = table.baseAddress, let classOf = classOf.baseAddress else { return }
                            var state = 0
                            var position = 0
                            while position < count {
                                position = Self.runDense(table, classOf, bytes, from: position, to: count, state: &state)
                                guard position <= count else { return }
                                if try !emit(state / classCount, end: position) { return }
                            }
                        }
                    }
                case .compact(let edgeStart, let edgeBytes, let edgeTargets, let fail, let rootNext):
                    try edgeStart.withUnsafeBufferPointer { edgeStart in
                        try edgeBytes.withUnsafeBufferPointer { edgeBytes in
                            try edgeTargets.withUnsafeBufferPointer { edgeTargets in
                                try fail.withUnsafeBufferPointer { fail in
                                    try rootNext.withUnsafeBufferPointer { rootNext in
                                        var node = 0
                                        for position in 0..<count {
                                            let byte = bytes[position]
                                            node = Self.step(from: node, byte, edgeStart, edgeBytes, edgeTargets, fail, rootNext)
                                            if terminal[node] >= 0 || outputLink[node] >= 0 {
                                                if try !emit(node, end: position + 1) { return }
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    private static func withLinks<R>(_ terminal: [Int32], _ outputLink: [Int32],
                                      _ body: (UnsafeBufferPointer<Int32>, UnsafeBufferPointer<Int32>) throws -> R) rethrows -> R {
        try terminal.withUnsafeBufferPointer { t in try outputLink.withUnsafeBufferPointer { o in try body(t, o) } }
    }

    /// The dense hot loop, kept apart so its state stays in registers: runs
    /// from `position` until a state with an output, and returns the
    /// position just after that byte, or `end + 1` when the text ends first.
    @inline(never)
    private static func runDense(_ table: UnsafePointer<Int32>, _ classOf: UnsafePointer<UInt8>, _ bytes: UnsafePointer<UInt8>,
                                 from position: Int, to end: Int, state: inout Int) -> Int {
        var current = state
        var index = position
        while index < end {
            let next = Int(table[current &+ Int(classOf[Int(bytes[index])])])
            index &+= 1
            if next < 0 {
                state = -next - 1
                return index
            }
            current = next
        }
        state = current
        return end + 1
    }

    /// The compact form's transition: follow failure links until a node has a child for `byte`.
    @inline(__always)
    private static func step(from start: Int, _ byte: UInt8, _ edgeStart: UnsafeBufferPointer<Int32>,
                             _ edgeBytes: UnsafeBufferPointer<UInt8>, _ edgeTargets: UnsafeBufferPointer<Int32>,
                             _ fail: UnsafeBufferPointer<Int32>, _ rootNext: UnsafeBufferPointer<Int32>) -> Int {
        var node = start
        while node != 0 {
            var low = Int(edgeStart[node])
            var high = Int(edgeStart[node + 1])
            // Binary search over the sorted child bytes (usually one or two).
            while low < high {
                let middle = (low + high) >> 1
                let candidate = edgeBytes[middle]
                if candidate == byte { return Int(edgeTargets[middle]) }
                if candidate < byte { low = middle + 1 } else { high = middle }
            }
            node = Int(fail[node])
        }
        return Int(rootNext[Int(byte)])
    }
}

public enum MultiTermMatcherError: Error, Equatable, CustomStringConvertible {
    case tooLarge(bytes: Int)

    public var description: String {
        switch self {
        case .tooLarge(let bytes): "the search terms hold more than \(bytes) bytes in all; search for fewer terms at a time"
        }
    }
}
