import LuaBridge
import Morphology

/// `doc:tokens{pos = "名詞", pos2 = "固有名詞", pos3 = {"人名", "地域"}}`:
/// only the tokens whose part-of-speech levels are among the given values,
/// so a plugin that wants a few kinds of word does not pay for a Lua table
/// per token of every kind.
struct TokenFilter {
    /// Allowed values per level (0: pos, 1–3: pos2–pos4); nil allows any.
    private var allowed: [Set<String>?] = [nil, nil, nil, nil]

    static let keys = ["pos", "pos2", "pos3", "pos4"]

    /// Reads argument `argument` of `call`: a table keyed by `pos`…`pos4`,
    /// each a string or a list of strings.
    init(_ call: LuaCall, argument: Int32) throws {
        let table = try call.table(argument)
        for key in table.entries.keys {
            guard case .string(let name) = key, Self.keys.contains(name) else {
                throw call.argumentError(argument, "the filter's keys are pos, pos2, pos3 and pos4, not '\(key)'")
            }
        }
        for (level, key) in Self.keys.enumerated() {
            switch table[key] {
            case .none: continue
            case .string(let value): allowed[level] = [value]
            case .table(let list):
                let values = list.array.compactMap(\.string)
                guard !values.isEmpty, values.count == list.entries.count else {
                    throw call.argumentError(argument, "filter.\(key) must be a string or a non-empty list of strings")
                }
                allowed[level] = Set(values)
            case let other:
                throw call.argumentError(argument, "filter.\(key) must be a string or a list of strings, not a \(other.typeName)")
            }
        }
    }

    func accepts(_ token: Token) -> Bool {
        let features = token.features
        for (level, values) in allowed.enumerated() {
            guard let values else { continue }
            let value = level == 0 ? features.pos : features.posLevels[level - 1]
            if !values.contains(value) { return false }
        }
        return true
    }
}
