import Testing
@testable import LuaBridge

/// Host functions called from coroutines, and values nested deeper than the
/// Lua stack's guaranteed space: both used to corrupt memory.
@Suite struct CoroutineAndNestingTests {
    /// A state with `echo(x)` (returns its argument converted to Swift and
    /// back) and `pair()` (returns two values).
    func makeState(memoryLimit: Int = 0) throws -> LuaState {
        let state = try LuaState(memoryLimit: memoryLimit)
        let echo = state.register(function: "echo") { call in
            try call.stack.push(try call.stack.value(at: 1))
            return 1
        }
        let pair = state.register(function: "pair") { call in
            call.push("left")
            call.push(try call.string(1))
            return 2
        }
        let range = state.register(function: "range") { call in
            try call.stack.push((1...(try call.integer(1))).map(String.init))
            return 1
        }
        try state.setGlobal("echo") { $0.push(function: echo) }
        try state.setGlobal("pair") { $0.push(function: pair) }
        try state.setGlobal("range") { $0.push(function: range) }
        return state
    }

    @Test func hostFunctionsUseTheCoroutinesOwnStack() throws {
        let state = try makeState()
        let result = try state.run("""
            local co = coroutine.wrap(function()
              local n = 0
              for i = 1, 100000 do
                local ok, a, b = pcall(pair, tostring(i))
                if ok and a == "left" and b == tostring(i) then n = n + 1 end
              end
              return n
            end)
            return co()
            """)
        guard case .integer(100000) = result else { Issue.record("got \(result)"); return }
    }

    @Test func argumentErrorsInsideCoroutinesNameTheRightArgument() throws {
        let state = try makeState()
        let result = try state.run("""
            local co = coroutine.create(function() return pair({}) end)
            local ok, message = coroutine.resume(co)
            return tostring(ok) .. "|" .. message
            """, chunkName: "=t")
        #expect(result.string == "false|t:1: bad argument #1 to 'pair' (string expected, got table)")
    }

    @Test func nestedCoroutinesAndYieldsBetweenHostCalls() throws {
        let state = try makeState()
        let result = try state.run("""
            local outer = coroutine.wrap(function()
              for i = 1, 3 do
                local inner = coroutine.wrap(function() coroutine.yield(#range(i)) end)
                coroutine.yield(inner() + #echo({1, 2}))
              end
            end)
            return outer() .. "," .. outer() .. "," .. outer()
            """)
        #expect(result.string == "3,4,5")
    }

    @Test func yieldingAcrossAHostCallIsLuasOwnError() throws {
        let state = try makeState()
        let call = state.register(function: "call") { call in
            guard let function = try call.stack.value(at: 1).function else { throw call.argumentError(1, "function expected") }
            defer { function.release() }
            try call.state.call(function)
            return 0
        }
        try state.setGlobal("call") { $0.push(function: call) }
        let result = try state.run("""
            local co = coroutine.create(function() call(function() coroutine.yield(1) end) end)
            local ok, message = coroutine.resume(co)
            return message
            """)
        #expect(result.string?.hasSuffix("attempt to yield across a C-call boundary") == true)
    }

    @Test func deepTablesConvertBothWays() throws {
        let state = try makeState()
        // 150 levels: past Lua's 20 guaranteed slots, inside kiji's limit.
        let depth = try state.run("""
            local t = {} local c = t
            for i = 1, 150 do c.x = {} c = c.x end
            local back, n = echo(t), 0
            while back.x do back = back.x n = n + 1 end
            return n
            """)
        guard case .integer(150) = depth else { Issue.record("got \(depth)"); return }
    }

    @Test func tablesBeyondTheNestingLimitAreAnError() throws {
        let state = try makeState()
        let message = try state.run("""
            local t = {} local c = t
            for i = 1, 1000 do c.x = {} c = c.x end
            local ok, m = pcall(echo, t)
            return m
            """)
        #expect(message.string == "field 'x': a table nested more than 200 levels deep (is there a cycle?)")
        let cycle = try state.run("local t = {} t.self = t local ok, m = pcall(echo, t) return m")
        #expect(cycle.string == "field 'self': a table nested more than 200 levels deep (is there a cycle?)")
    }

    @Test func swiftBuiltTablesCountAgainstTheMemoryLimit() throws {
        let state = try makeState(memoryLimit: 8 << 20)
        let message = try state.run("local ok, m = pcall(range, 10000000) return m")
        #expect(message.string == "not enough memory")
        // The state is still usable, and small tables still work.
        state.collectGarbage()
        let small = try state.run("return #range(10)")
        guard case .integer(10) = small else { Issue.record("got \(small)"); return }
    }

    @Test func chargedBytesAreRefusedOverTheLimitAndGivenBack() throws {
        let state = try LuaState(memoryLimit: 4 << 20)
        #expect(throws: LuaRuntimeError.self) { try state.charge(bytes: 8 << 20) }
        try state.charge(bytes: 2 << 20)
        let used = state.memoryUsed
        state.uncharge(bytes: 2 << 20)
        #expect(state.memoryUsed == used - (2 << 20))
    }

    @Test func globalsAreSetRawEvenWithAMetatableOnG() throws {
        let state = try makeState()
        _ = try state.run("setmetatable(_G, { __newindex = function() error('no') end, __index = function() error('no') end })")
        try state.setGlobal("answer") { $0.push(42) }
        guard case .integer(42) = try state.global("answer") else { Issue.record("global not set"); return }
        #expect(try state.global("missing").isNil)
    }
}
