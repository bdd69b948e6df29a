import CLua
import CLuaShims

/// Identifies a Swift host function registered with a ``LuaState``.
public struct HostFunctionID: Hashable, Sendable {
    let rawValue: Int
}

/// The body of a Swift function callable from Lua. It reads its arguments
/// and pushes its results through `call`, returns how many results it pushed,
/// and throws to raise a Lua error (the C trampoline raises it, never Swift).
public typealias HostFunction = (LuaCall) throws -> Int32

/// Owns one `lua_State` with kiji's sandboxed standard library.
///
/// Not thread-safe: give each worker its own state.
public final class LuaState {
    /// The main thread: owns the registry, and is where calls start.
    let mainThread: OpaquePointer
    /// The thread Lua code runs on now: inside a host function, the thread
    /// (main or coroutine) that called it, else the main thread. Every stack
    /// operation uses it, so host functions work inside coroutines.
    private(set) var L: OpaquePointer
    private var hostFunctions: [(name: String, isMethod: Bool, body: HostFunction)] = []
    /// Registry references currently owned by ``LuaReference`` objects.
    public internal(set) var liveReferenceCount = 0

    /// - Parameter memoryLimit: bytes Lua code may allocate; 0 for no limit.
    public init(memoryLimit: Int = 0) throws {
        let placeholder = UnsafeMutableRawPointer(bitPattern: 1)
        guard let L = kiji_state_new(memoryLimit, luaBridgeDispatch, placeholder) else {
            throw LuaBridgeError("cannot allocate a Lua state")
        }
        self.mainThread = L
        self.L = L
        kiji_state_set_host(L, Unmanaged.passUnretained(self).toOpaque())
        if kiji_open_sandbox(L) != LUA_OK {
            let error = popScriptError()
            kiji_state_close(L)
            throw error
        }
    }

    deinit {
        kiji_state_close(mainThread)
    }

    /// The stack, for pushing values outside a host function.
    public var stack: LuaStack { LuaStack(state: self) }

    /// Bytes currently allocated by this state.
    public var memoryUsed: Int { kiji_state_memory_used(L) }

    /// Registers a Swift function; push it with ``LuaStack/push(function:)``.
    /// - Parameters:
    ///   - name: the name used in argument errors ("bad argument #1 to 'name'").
    ///   - isMethod: argument numbers in errors skip `self`.
    public func register(function name: String, isMethod: Bool = false, _ body: @escaping HostFunction) -> HostFunctionID {
        hostFunctions.append((name, isMethod, body))
        return HostFunctionID(rawValue: hostFunctions.count - 1)
    }

    /// Sets global `name` to whatever `push` leaves on the stack.
    public func setGlobal(_ name: String, _ push: (LuaStack) throws -> Void) throws {
        let stack = LuaStack(state: self)
        try stack.reserve(4)
        try push(stack)
        // Raw: a plugin may have given _G a metatable, and a metamethod
        // must never run where an error would long-jump through Swift.
        kiji_push_globals(L)
        stack.push(name)
        lua_rotate(L, -3, -1)
        lua_rawset(L, -3)
        kiji_pop(L, 1)
    }

    /// Reads global `name` raw, converted to a Swift value.
    public func global(_ name: String) throws -> LuaValue {
        let stack = LuaStack(state: self)
        try stack.reserve(4)
        kiji_push_globals(L)
        stack.push(name)
        lua_rawget(L, -2)
        defer { kiji_pop(L, 2) }
        return try stack.value(at: -1)
    }

    /// Compiles a text chunk; the chunk name appears in error messages, so
    /// pass "@path" for files. Returns the compiled function.
    /// - Parameter isolated: run the chunk with an empty environment (no
    ///   globals at all), for data files.
    public func load(_ source: [UInt8], chunkName: String, isolated: Bool = false) throws -> LuaReference {
        let status = source.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                kiji_load_text(L, chars.baseAddress, chars.count, chunkName)
            }
        }
        guard status == LUA_OK else { throw popScriptError() }
        if isolated { kiji_set_empty_environment(L) }
        return LuaReference(state: self)
    }

    /// Calls `function` under a protected call with a traceback handler.
    /// `arguments` pushes the arguments and returns how many it pushed.
    /// Returns up to `results` results, converted to Swift values.
    @discardableResult
    public func call(_ function: LuaReference, results: Int = 0,
                     arguments: (LuaStack) throws -> Int32 = { _ in 0 }) throws -> [LuaValue] {
        let top = lua_gettop(L)
        defer { lua_settop(L, top) }
        let stack = LuaStack(state: self)
        try stack.reserve(Int32(clamping: results) + 8)
        try function.push()
        let count = try arguments(stack)
        guard kiji_pcall_traceback(L, count, Int32(results)) == LUA_OK else {
            throw popScriptError()
        }
        return try (0..<results).map { try stack.value(at: top + 1 + Int32($0)) }
    }

    /// Like ``call(_:results:arguments:)`` but keeps the first result in Lua,
    /// as an owned reference (for values Swift must not copy, like modules).
    public func callKeepingResult(_ function: LuaReference, arguments: (LuaStack) throws -> Int32 = { _ in 0 }) throws -> LuaReference {
        let top = lua_gettop(L)
        defer { lua_settop(L, top) }
        let stack = LuaStack(state: self)
        try stack.reserve(8)
        try function.push()
        let count = try arguments(stack)
        guard kiji_pcall_traceback(L, count, 1) == LUA_OK else { throw popScriptError() }
        return stack.popReference()
    }

    /// Loads and runs a chunk, returning its first result.
    public func run(_ source: String, chunkName: String = "=(chunk)") throws -> LuaValue {
        let chunk = try load(Array(source.utf8), chunkName: chunkName)
        defer { chunk.release() }
        return try call(chunk, results: 1)[0]
    }

    /// Limits how long Lua code may run from now on (nil: no limit).
    /// - Parameter deadline: when the time is up, on ``monotonicSeconds``'
    ///   clock, if not `seconds` from now (workers of one run share one).
    public func setTimeLimit(seconds: Double?, deadline: Double? = nil) {
        kiji_set_time_limit_until(mainThread, seconds ?? 0, deadline ?? 0)
    }

    /// When the current time limit ends, on ``monotonicSeconds``' clock.
    public var timeLimitDeadline: Double? {
        let deadline = kiji_time_limit_deadline(mainThread)
        return deadline > 0 ? deadline : nil
    }

    /// The clock time limits use.
    public static var monotonicSeconds: Double { kiji_monotonic_seconds() }

    /// Stops the Lua code running in this state at its next instruction
    /// ("stopped: another worker failed first"), and any later call too.
    /// The one method that may be called from another thread, while the
    /// state is open.
    public func interrupt() {
        kiji_state_interrupt(mainThread)
    }

    /// Counts `bytes` that Swift holds for Lua code (a matcher's trie, say)
    /// against the memory limit; throws "not enough memory" when they do
    /// not fit. Give them back with ``uncharge(bytes:)``.
    public func charge(bytes: Int) throws {
        guard bytes > 0 else { return }
        guard kiji_state_charge(mainThread, Int64(bytes)) != 0 else { throw LuaRuntimeError("not enough memory") }
    }

    /// Gives back bytes counted by ``charge(bytes:)``.
    public func uncharge(bytes: Int) {
        guard bytes > 0 else { return }
        _ = kiji_state_charge(mainThread, -Int64(bytes))
    }

    /// Forces a full garbage collection (tests use it to check releases).
    public func collectGarbage() {
        kiji_gc_collect(L)
    }

    func popScriptError() -> LuaScriptError {
        let text: String
        if let pointer = lua_tolstring(L, -1, nil) {
            text = String(cString: pointer)
        } else {
            text = "(error object is a \(String(cString: kiji_typename(L, -1))) value)"
        }
        kiji_pop(L, 1)
        return LuaScriptError(fullText: text)
    }

    fileprivate func dispatch(_ id: Int, on thread: OpaquePointer) -> Int32 {
        let caller = L
        L = thread
        defer { L = caller }
        guard hostFunctions.indices.contains(id) else {
            LuaStack(state: self).push("kiji: unknown host function \(id) (a bug in kiji)")
            return Int32(KIJI_HOST_ERROR)
        }
        let entry = hostFunctions[id]
        let call = LuaCall(state: self, functionName: entry.name, isMethod: entry.isMethod)
        do {
            return try entry.body(call)
        } catch {
            if let error = error as? LuaScriptError {
                // Already names its position; the outer handler adds the traceback.
                call.push(error.message)
                return Int32(KIJI_HOST_ERROR_AS_IS)
            }
            call.push(String(describing: error))
            return Int32(KIJI_HOST_ERROR)
        }
    }

    static func from(_ L: OpaquePointer) -> LuaState {
        Unmanaged<LuaState>.fromOpaque(kiji_state_host(L)).takeUnretainedValue()
    }
}

/// Entered from the C trampoline for every host function call.
private func luaBridgeDispatch(_ L: OpaquePointer?, _ id: lua_Integer) -> Int32 {
    guard let L else { return Int32(KIJI_HOST_ERROR) }
    return LuaState.from(L).dispatch(Int(id), on: L)
}
