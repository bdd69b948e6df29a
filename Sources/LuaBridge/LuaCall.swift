import CLua
import CLuaShims

/// The arguments and results of one host-function call. Argument checks
/// throw ``LuaArgumentError`` with Lua's usual wording, for example
/// `bad argument #1 to 'count' (string expected, got nil)`.
public struct LuaCall {
    public let stack: LuaStack
    public let functionName: String
    /// Methods number their arguments after `self`, as Lua's own errors do.
    public let isMethod: Bool

    init(state: LuaState, functionName: String, isMethod: Bool) {
        self.stack = LuaStack(state: state)
        self.functionName = functionName
        self.isMethod = isMethod
    }

    var L: OpaquePointer { stack.L }
    public var state: LuaState { stack.state }

    /// How many arguments were passed (including `self` for methods).
    public var argumentCount: Int32 { lua_gettop(L) }

    public func push(_ value: String) { stack.push(value) }
    public func push(_ value: Int) { stack.push(value) }
    public func push(_ value: Bool) { stack.push(value) }

    /// An error naming argument `index` the way Lua names it.
    public func argumentError(_ index: Int32, _ problem: String) -> LuaArgumentError {
        if isMethod && index == 1 {
            return LuaArgumentError("calling '\(functionName)' on bad self (\(problem))")
        }
        let shown = isMethod ? index - 1 : index
        return LuaArgumentError("bad argument #\(shown) to '\(functionName)' (\(problem))")
    }

    private func typeError(_ index: Int32, _ expected: String) -> LuaArgumentError {
        let got = lua_type(L, index) == LUA_TNONE ? "no value" : stack.typeName(at: index)
        return argumentError(index, "\(expected) expected, got \(got)")
    }

    /// Lua type of argument `index` (LUA_TNONE beyond the last).
    public func type(_ index: Int32) -> Int32 { lua_type(L, index) }

    public func isNoneOrNil(_ index: Int32) -> Bool { lua_type(L, index) <= LUA_TNIL }

    /// A string argument; numbers are accepted and converted, as in Lua.
    public func string(_ index: Int32) throws -> String {
        let type = lua_type(L, index)
        guard type == LUA_TSTRING || type == LUA_TNUMBER else { throw typeError(index, "string") }
        if type == LUA_TNUMBER { _ = lua_tolstring(L, index, nil) }
        do { return try stack.string(at: index) } catch {
            throw argumentError(index, "string is not valid UTF-8")
        }
    }

    public func optionalString(_ index: Int32) throws -> String? {
        isNoneOrNil(index) ? nil : try string(index)
    }

    /// An integer argument (a float with an exact integer value is accepted).
    public func integer(_ index: Int32) throws -> Int {
        var isNumber: Int32 = 0
        let value = lua_tointegerx(L, index, &isNumber)
        guard isNumber != 0 else {
            if lua_type(L, index) == LUA_TNUMBER { throw argumentError(index, "number has no integer representation") }
            throw typeError(index, "number")
        }
        return Int(value)
    }

    public func optionalInteger(_ index: Int32) throws -> Int? {
        isNoneOrNil(index) ? nil : try integer(index)
    }

    /// A table argument, copied raw into Swift.
    public func table(_ index: Int32) throws -> LuaTable {
        guard lua_type(L, index) == LUA_TTABLE else { throw typeError(index, "table") }
        return try stack.value(at: index).table ?? LuaTable()
    }

    /// Whether argument `index` is a number.
    public func isNumber(_ index: Int32) -> Bool { lua_type(L, index) == LUA_TNUMBER }

    /// Whether argument `index` is a table.
    public func isTable(_ index: Int32) -> Bool { lua_type(L, index) == LUA_TTABLE }

    /// The object in a userdata box of `type`, for example `self` in a method.
    public func object<Object: AnyObject>(_ index: Int32, _ type: LuaUserdataType<Object>) throws -> Object {
        guard let box = kiji_test_box(L, index, type.name) else { throw typeError(index, type.name) }
        guard let pointer = box.pointee else { throw argumentError(index, "\(type.name) already released") }
        return Unmanaged<Object>.fromOpaque(pointer).takeUnretainedValue()
    }
}
