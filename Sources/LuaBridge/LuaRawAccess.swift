import CLua
import CLuaShims

/// The type of a value on the stack, with integers told apart from floats.
public enum LuaKind: Sendable {
    case none, boolean, integer, number, string, table, other
}

/// Raw, copy-free access to tables, for host functions on a hot path (a
/// plugin's `emit`): they read a table's fields in place instead of
/// converting the whole table to a ``LuaValue``. Nothing here can run a
/// metamethod or raise.
extension LuaStack {
    /// The kind of the value at `index`.
    public func kind(at index: Int32) -> LuaKind {
        switch lua_type(L, index) {
        case LUA_TNIL, LUA_TNONE: .none
        case LUA_TBOOLEAN: .boolean
        case LUA_TNUMBER: kiji_is_integer_valued(L, index) != 0 ? .integer : .number
        case LUA_TSTRING: .string
        case LUA_TTABLE: .table
        default: .other
        }
    }

    /// The integer at `index` (its ``kind(at:)`` is `.integer`).
    public func integerValue(at index: Int32) -> Int { Int(lua_tointegerx(L, index, nil)) }
    /// The number at `index` (its ``kind(at:)`` is `.integer` or `.number`).
    public func numberValue(at index: Int32) -> Double { lua_tonumberx(L, index, nil) }
    /// The boolean at `index`.
    public func booleanValue(at index: Int32) -> Bool { lua_toboolean(L, index) != 0 }

    /// `index` as an index that does not move when values are pushed.
    public func absoluteIndex(_ index: Int32) -> Int32 { lua_absindex(L, index) }

    /// Drops values until `top` remain.
    public func setTop(_ top: Int32) { lua_settop(L, top) }

    /// Calls `body` for each entry of the table at `index`, in `lua_next`
    /// order, with the absolute indices of the key and the value; `body`
    /// returns false to stop. The stack is as before when this returns or
    /// throws. The table must not change meanwhile.
    public func forEachRawEntry(ofTableAt index: Int32, _ body: (_ key: Int32, _ value: Int32) throws -> Bool) throws {
        let table = lua_absindex(L, index)
        try reserve(8)
        let base = lua_gettop(L)
        lua_pushnil(L)
        while lua_next(L, table) != 0 {
            let keep: Bool
            do { keep = try body(base + 1, base + 2) } catch {
                lua_settop(L, base)
                throw error
            }
            lua_settop(L, base + 1)
            if !keep { break }
        }
        lua_settop(L, base)
    }

    /// Pushes `table[key]` (raw), where the table and the key are at the given
    /// indices, and returns its kind.
    @discardableResult
    public func pushRawValue(in table: Int32, forKeyAt key: Int32) -> LuaKind {
        let table = lua_absindex(L, table)
        lua_pushvalue(L, key)
        _ = lua_rawget(L, table)
        return kind(at: -1)
    }

    /// Pushes `table[item]` (raw) and returns its kind.
    @discardableResult
    public func pushRawItem(in table: Int32, _ item: Int) -> LuaKind {
        _ = lua_rawgeti(L, table, lua_Integer(item))
        return kind(at: -1)
    }

    /// Sets `table[key] = value` (raw) for a table the host owns; the key is
    /// at index `key` and must not be nil or NaN.
    public func setRaw(in table: Int32, keyAt key: Int32, to value: Int) throws {
        try reserve(2)
        let table = lua_absindex(L, table)
        lua_pushvalue(L, key)
        lua_pushinteger(L, lua_Integer(value))
        lua_rawset(L, table)
    }
}
