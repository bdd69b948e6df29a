import CLua
import CLuaShims

/// Pushes values onto, and reads values from, a state's stack. Only exists
/// inside a host function or an argument-pushing closure.
public struct LuaStack {
    public let state: LuaState
    var L: OpaquePointer { state.L }

    /// How deep the recursive conversions (Lua tables to Swift, Swift values
    /// to Lua tables) may nest. Deeper values, and cycles, are an error.
    public static let maximumNesting = 200

    /// Makes room for `slots` more values on the stack, and stops a host
    /// function that builds values while the state is over its memory
    /// limit. Called before every push whose count depends on data.
    public func reserve(_ slots: Int32) throws {
        guard lua_checkstack(L, slots) != 0 else {
            throw LuaRuntimeError("stack overflow: a value is nested too deeply")
        }
        if kiji_state_over_limit(L) != 0 { throw LuaRuntimeError("not enough memory") }
    }

    /// Number of values on the stack.
    public var top: Int32 { lua_gettop(L) }

    public func push(_ value: String) {
        var value = value
        value.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { _ = lua_pushlstring(L, $0.baseAddress, $0.count) }
        }
    }

    public func push(bytes: UnsafeBufferPointer<UInt8>) {
        bytes.withMemoryRebound(to: CChar.self) { _ = lua_pushlstring(L, $0.baseAddress, $0.count) }
    }

    public func push(_ value: Int) { lua_pushinteger(L, lua_Integer(value)) }
    public func push(_ value: Double) { lua_pushnumber(L, value) }
    public func push(_ value: Bool) { lua_pushboolean(L, value ? 1 : 0) }
    public func pushNil() { lua_pushnil(L) }

    /// Pushes a string, or nil when `value` is nil.
    public func push(_ value: String?) {
        if let value { push(value) } else { pushNil() }
    }

    /// Pushes a copy of the value at `index`.
    public func pushCopy(of index: Int32) { lua_pushvalue(L, index) }

    public func push(function id: HostFunctionID) {
        kiji_push_host_function(L, lua_Integer(id.rawValue))
    }

    public func push(_ reference: LuaReference) throws {
        try reference.push()
    }

    public func push(_ value: LuaValue) throws {
        try push(value, depth: Self.maximumNesting)
    }

    private func push(_ value: LuaValue, depth: Int) throws {
        switch value {
        case .none, .other: pushNil()
        case .boolean(let b): push(b)
        case .integer(let i): push(i)
        case .number(let d): push(d)
        case .string(let s): push(s)
        case .function(let f): try push(f)
        case .table(let t):
            guard depth > 0 else { throw LuaRuntimeError("a table nested more than \(Self.maximumNesting) levels deep") }
            try newTable(records: t.entries.count)
            for (key, value) in t.entries {
                try reserve(3)
                switch key {
                case .integer(let i): push(i)
                case .string(let s): push(s)
                }
                try push(value, depth: depth - 1)
                lua_rawset(L, -3)
            }
        }
    }

    /// Pushes an array of strings as a sequence.
    public func push<Strings: Sequence<String>>(_ values: Strings) throws {
        try newTable(array: values.underestimatedCount)
        for (i, value) in values.enumerated() {
            try reserve(2)
            push(value)
            lua_rawseti(L, -2, lua_Integer(i + 1))
        }
    }

    /// Pushes a new empty table, sized for `array` items and `records` fields.
    public func newTable(array: Int = 0, records: Int = 0) throws {
        try reserve(2)
        // Lua caps the sizes itself; clamping only keeps the hint in range.
        lua_createtable(L, Int32(clamping: min(array, 1 << 24)), Int32(clamping: min(records, 1 << 24)))
    }

    /// With a table on top: pushes the value `push` produces and sets it as
    /// field `key` (raw: the host owns this table).
    public func setField(_ key: String, _ push: () throws -> Void) throws {
        try reserve(3)
        try push()
        self.push(key)
        lua_rotate(L, -2, 1)
        lua_rawset(L, -3)
    }

    /// With a table on top: appends the value `push` produces at index `index`.
    public func setIndex(_ index: Int, _ push: () throws -> Void) throws {
        try reserve(3)
        try push()
        lua_rawseti(L, -2, lua_Integer(index))
    }

    public func pop(_ count: Int32 = 1) { kiji_pop(L, count) }

    /// Pops the top value into an owned registry reference.
    public func popReference() -> LuaReference { LuaReference(state: state) }

    /// Pushes a new userdata box owning `object` (retained until `__gc`).
    public func push<Object: AnyObject>(_ object: Object, as type: LuaUserdataType<Object>) {
        let pointer = Unmanaged.passRetained(object).toOpaque()
        _ = kiji_new_box(L, pointer, type.name)
    }

    /// `tostring(value)` for the value at `index`, honouring `__tostring`
    /// (run under a protected call).
    public func describe(at index: Int32) throws -> String {
        guard kiji_protected_tostring(L, index) == LUA_OK else { throw state.popScriptError() }
        defer { pop() }
        return (try? string(at: -1)) ?? "?"
    }

    /// Whether the value on top is nil.
    public var topIsNil: Bool { lua_type(L, -1) <= LUA_TNIL }

    /// The Lua type name of the value at `index`.
    public func typeName(at index: Int32) -> String {
        if let box = userdataTypeName(at: index) { return box }
        return String(cString: kiji_typename(L, index))
    }

    private func userdataTypeName(at index: Int32) -> String? {
        guard lua_type(L, index) == LUA_TUSERDATA, lua_getmetatable(L, index) != 0 else { return nil }
        defer { kiji_pop(L, 1) }
        push("__name")
        guard lua_rawget(L, -2) == LUA_TSTRING, let name = lua_tolstring(L, -1, nil) else {
            kiji_pop(L, 1)
            return nil
        }
        let result = String(cString: name)
        kiji_pop(L, 1)
        return result
    }

    /// Copies the value at `index` into Swift. Tables are read raw and must
    /// not nest deeper than `depth` levels (guards against cycles).
    public func value(at index: Int32, depth: Int = maximumNesting) throws -> LuaValue {
        let index = lua_absindex(L, index)
        switch lua_type(L, index) {
        case LUA_TNIL, LUA_TNONE: return .none
        case LUA_TBOOLEAN: return .boolean(lua_toboolean(L, index) != 0)
        case LUA_TNUMBER:
            if kiji_is_integer_valued(L, index) != 0 { return .integer(Int(lua_tointegerx(L, index, nil))) }
            return .number(lua_tonumberx(L, index, nil))
        case LUA_TSTRING: return .string(try string(at: index))
        case LUA_TFUNCTION:
            lua_pushvalue(L, index)
            return .function(popReference())
        case LUA_TTABLE:
            guard depth > 0 else {
                throw LuaRuntimeError("a table nested more than \(Self.maximumNesting) levels deep (is there a cycle?)")
            }
            try reserve(4)
            var table = LuaTable()
            lua_pushnil(L)
            // lua_next is raw and cannot raise while the table is not modified.
            while lua_next(L, index) != 0 {
                let key: LuaKey?
                switch lua_type(L, -2) {
                case LUA_TSTRING: key = .string(try string(at: -2))
                case LUA_TNUMBER where kiji_is_integer_valued(L, -2) != 0:
                    key = .integer(Int(lua_tointegerx(L, -2, nil)))
                default: key = nil
                }
                let value: LuaValue
                do {
                    value = try self.value(at: -1, depth: depth - 1)
                } catch let error as LuaRuntimeError where depth == Self.maximumNesting {
                    // Name only the outermost field; the inner levels would repeat it 200 times.
                    let prefix = key.map { "field '\($0)': " } ?? ""
                    throw LuaRuntimeError(prefix + error.description)
                }
                if let key { table.entries[key] = value }
                pop()
            }
            return .table(table)
        default:
            return .other(typeName(at: index))
        }
    }

    /// The string at `index`; it must be a Lua string holding valid UTF-8.
    public func string(at index: Int32) throws -> String {
        var length = 0
        guard lua_type(L, index) == LUA_TSTRING, let pointer = lua_tolstring(L, index, &length) else {
            throw LuaRuntimeError("string expected, got \(typeName(at: index))")
        }
        let bytes = UnsafeRawBufferPointer(start: pointer, count: length).bindMemory(to: UInt8.self)
        guard let string = String(validating: bytes, as: UTF8.self) else {
            throw LuaRuntimeError("string is not valid UTF-8")
        }
        return string
    }

    /// Calls `body` with the bytes of the string at `index` (no copy).
    public func withBytes<R>(at index: Int32, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R? {
        var length = 0
        guard lua_type(L, index) == LUA_TSTRING, let pointer = lua_tolstring(L, index, &length) else { return nil }
        return try body(UnsafeRawBufferPointer(start: pointer, count: length).bindMemory(to: UInt8.self))
    }
}
