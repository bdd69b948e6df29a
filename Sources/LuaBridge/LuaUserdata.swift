import CLua
import CLuaShims

/// A Swift class exposed to Lua as typed userdata with its own metatable
/// (`luaL_newmetatable(name)`). Boxes retain their object until `__gc`.
public struct LuaUserdataType<Object: AnyObject>: Sendable {
    /// The metatable name, e.g. `kiji.Document`; Lua shows it in errors.
    public let name: String
    public init(name: String) { self.name = name }
}

/// How a userdata type behaves in Lua.
public struct LuaUserdataBehaviour<Object: AnyObject> {
    /// Methods called as `object:name(...)`; `self` is argument 1.
    public var methods: [String: (LuaCall, Object) throws -> Int32] = [:]
    /// Reads a non-method key (argument 2 of the call); pushes one value.
    public var index: ((LuaCall, Object) throws -> Int32)?
    /// The `#object` operator.
    public var length: ((Object) -> Int)?
    /// The `tostring(object)` text.
    public var describe: ((Object) -> String)?

    public init() {}
}

extension LuaState {
    /// Creates the metatable for `type`. Call once per state and type.
    public func define<Object: AnyObject>(_ type: LuaUserdataType<Object>, _ behaviour: LuaUserdataBehaviour<Object>) throws {
        guard luaL_newmetatable(L, type.name) != 0 else {
            kiji_pop(L, 1)
            throw LuaBridgeError("userdata type \(type.name) is defined twice")
        }
        let stack = LuaStack(state: self)
        for (name, method) in behaviour.methods {
            let id = register(function: name, isMethod: true) { call in
                try method(call, try call.object(1, type))
            }
            try stack.setField(name) { stack.push(function: id) }
        }
        let typeName = type.name
        let index = register(function: "__index") { call in
            let object = try call.object(1, type)
            // Methods live in the metatable itself.
            if call.type(2) == LUA_TSTRING {
                kiji_get_named_metatable(call.L, typeName)
                lua_pushvalue(call.L, 2)
                if lua_rawget(call.L, -2) == LUA_TFUNCTION { return 1 }
                call.stack.pop(2)
            }
            guard let read = behaviour.index else { call.stack.pushNil(); return 1 }
            return try read(call, object)
        }
        try stack.setField("__index") { stack.push(function: index) }
        let collect = register(function: "__gc") { call in
            if let box = kiji_test_box(call.L, 1, typeName), let pointer = box.pointee {
                box.pointee = nil
                Unmanaged<Object>.fromOpaque(pointer).release()
            }
            return 0
        }
        try stack.setField("__gc") { stack.push(function: collect) }
        if let length = behaviour.length {
            let id = register(function: "__len") { call in
                call.push(length(try call.object(1, type)))
                return 1
            }
            try stack.setField("__len") { stack.push(function: id) }
        }
        let describe = behaviour.describe
        let tostring = register(function: "__tostring") { call in
            let object = try call.object(1, type)
            call.push(describe.map { $0(object) } ?? typeName)
            return 1
        }
        try stack.setField("__tostring") { stack.push(function: tostring) }
        // getmetatable() returns this string, so plugins cannot edit the metatable.
        try stack.setField("__metatable") { stack.push(typeName) }
        kiji_pop(L, 1)
    }
}
