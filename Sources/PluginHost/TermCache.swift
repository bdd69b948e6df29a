import LuaBridge
import Text

/// Normalised search terms and compiled term lists, cached per state:
/// plugins ask for the same few terms, or the same list, once per document.
final class TermCache {
    private var normalized: [String: [UInt8]] = [:]
    /// Matchers for the most recently used term lists, most recent last.
    private var lists: [(terms: [String], matcher: MultiTermMatcher)] = []
    /// How many lists stay compiled: a plugin counting a few lists in turn
    /// keeps them all, while one building a new list per document does not grow the cache.
    static let listCapacity = 4
    /// The state whose memory limit the compiled matchers count against.
    private weak var chargedState: LuaState?
    private var chargedBytes = 0

    deinit { chargedState?.uncharge(bytes: chargedBytes) }

    func withNormalized<R>(_ term: String, call: LuaCall, argument: Int32, _ body: (UnsafeBufferPointer<UInt8>) -> R) throws -> R {
        try normalizedBytes(term, call: call, argument: argument).withUnsafeBufferPointer(body)
    }

    private func normalizedBytes(_ term: String, call: LuaCall, argument: Int32) throws -> [UInt8] {
        if let bytes = normalized[term] { return bytes }
        let bytes = Array(TextNormalizer.nfkc(term).utf8)
        guard !bytes.isEmpty else { throw call.argumentError(argument, "empty search term") }
        normalized[term] = bytes
        return bytes
    }

    /// The matcher for `terms` (as given; each is normalised), compiled
    /// once while the list stays among the last few used. Its tables count
    /// against the state's memory limit while cached.
    func matcher(for terms: [String], call: LuaCall, argument: Int32) throws -> MultiTermMatcher {
        if let index = lists.lastIndex(where: { $0.terms == terms }) {
            let entry = lists.remove(at: index)
            lists.append(entry)
            return entry.matcher
        }
        let matcher: MultiTermMatcher
        do {
            matcher = try MultiTermMatcher(terms: try terms.map { try normalizedBytes($0, call: call, argument: argument) })
        } catch let error as MultiTermMatcherError {
            throw call.argumentError(argument, error.description)
        }
        let state = call.state
        try state.charge(bytes: matcher.memoryBytes)
        chargedState = state
        chargedBytes += matcher.memoryBytes
        lists.append((terms, matcher))
        if lists.count > Self.listCapacity {
            let evicted = lists.removeFirst().matcher.memoryBytes
            state.uncharge(bytes: evicted)
            chargedBytes -= evicted
        }
        return matcher
    }
}
