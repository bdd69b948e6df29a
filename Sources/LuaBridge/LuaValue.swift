/// A Lua value copied into Swift. Tables are copied raw (no metamethods);
/// functions become owned registry references.
public enum LuaValue {
    case none
    case boolean(Bool)
    case integer(Int)
    case number(Double)
    case string(String)
    case table(LuaTable)
    case function(LuaReference)
    /// userdata, threads and other values Swift does not read; the type name.
    case other(String)

    /// The Lua type name, as `type()` would print it.
    public var typeName: String {
        switch self {
        case .none: "nil"
        case .boolean: "boolean"
        case .integer, .number: "number"
        case .string: "string"
        case .table: "table"
        case .function: "function"
        case .other(let name): name
        }
    }

    public var string: String? { if case .string(let s) = self { s } else { nil } }
    public var table: LuaTable? { if case .table(let t) = self { t } else { nil } }
    public var function: LuaReference? { if case .function(let f) = self { f } else { nil } }
    public var isNil: Bool { if case .none = self { true } else { false } }
}

/// A key of a Lua table as Swift sees it.
public enum LuaKey: Hashable, Sendable, CustomStringConvertible {
    case integer(Int)
    case string(String)

    public var description: String {
        switch self {
        case .integer(let i): String(i)
        case .string(let s): s
        }
    }
}

/// A Lua table copied into Swift.
public struct LuaTable {
    public var entries: [LuaKey: LuaValue] = [:]

    public init(entries: [LuaKey: LuaValue] = [:]) { self.entries = entries }

    public subscript(_ key: String) -> LuaValue { entries[.string(key)] ?? .none }
    public subscript(_ index: Int) -> LuaValue { entries[.integer(index)] ?? .none }

    /// The sequence `t[1] .. t[n]` up to the first nil.
    public var array: [LuaValue] {
        var result: [LuaValue] = []
        var index = 1
        while let value = entries[.integer(index)] {
            result.append(value)
            index += 1
        }
        return result
    }

    /// String keys, sorted, for deterministic iteration.
    public var sortedStringKeys: [String] {
        entries.keys.compactMap { if case .string(let s) = $0 { s } else { nil } }.sorted()
    }
}
