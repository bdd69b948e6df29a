import CLua
import CLuaShims

/// Owns one registry reference (`luaL_ref`) and releases it exactly once,
/// explicitly with ``release()`` or when the owner is freed.
public final class LuaReference {
    private let state: LuaState
    private var ref: Int32

    /// Pops the value on top of the state's stack into the registry.
    init(state: LuaState) {
        self.state = state
        self.ref = luaL_ref(state.L, kiji_registry_index())
        state.liveReferenceCount += 1
    }

    /// Whether ``release()`` has run.
    public var isReleased: Bool { ref == LUA_NOREF }

    /// Pushes the referenced value.
    func push() throws {
        guard !isReleased else { throw LuaBridgeError("use of a released Lua reference") }
        lua_rawgeti(state.L, kiji_registry_index(), lua_Integer(ref))
    }

    /// Frees the registry slot. Calling it twice is harmless.
    public func release() {
        guard !isReleased else { return }
        luaL_unref(state.L, kiji_registry_index(), ref)
        ref = LUA_NOREF
        state.liveReferenceCount -= 1
    }

    deinit { release() }
}
