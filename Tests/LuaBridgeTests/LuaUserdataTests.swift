import Testing
@testable import LuaBridge

final class Counter {
    var value = 0
    nonisolated(unsafe) static var live = 0
    init() { Counter.live += 1 }
    deinit { Counter.live -= 1 }
}

@Suite(.serialized) struct LuaUserdataTests {
    static let counterType = LuaUserdataType<Counter>(name: "test.Counter")

    func makeState() throws -> LuaState {
        let state = try LuaState()
        var behaviour = LuaUserdataBehaviour<Counter>()
        behaviour.methods["bump"] = { call, counter in
            counter.value += try call.optionalInteger(2) ?? 1
            call.push(counter.value)
            return 1
        }
        behaviour.index = { call, counter in
            guard try call.string(2) == "value" else { throw LuaRuntimeError("no such field") }
            call.push(counter.value)
            return 1
        }
        behaviour.length = { $0.value }
        behaviour.describe = { "Counter(\($0.value))" }
        try state.define(Self.counterType, behaviour)
        return state
    }

    @Test func methodsFieldsAndMetamethods() throws {
        let state = try makeState()
        let counter = Counter()
        try state.setGlobal("c") { $0.push(counter, as: Self.counterType) }
        let result = try state.run("c:bump(); c:bump(5); return tostring(c) .. ' ' .. c.value .. ' ' .. #c")
        #expect(result.string == "Counter(6) 6 6")
        #expect(try state.run("return getmetatable(c)").string == "test.Counter")
    }

    @Test func wrongSelfIsAnArgumentError() throws {
        let state = try makeState()
        try state.setGlobal("c") { $0.push(Counter(), as: Self.counterType) }
        let message = try state.run("local ok, m = pcall(function() return c.bump('x') end) return m", chunkName: "=t")
        #expect(message.string == "t:1: calling 'bump' on bad self (test.Counter expected, got string)")
    }

    @Test func garbageCollectionReleasesSwiftObjects() throws {
        let before = Counter.live
        do {
            let state = try makeState()
            let make = state.register(function: "make") { call in
                call.stack.push(Counter(), as: Self.counterType)
                return 1
            }
            try state.setGlobal("make") { $0.push(function: make) }
            _ = try state.run("for i = 1, 100 do make():bump() end")
            state.collectGarbage()
            #expect(Counter.live == before)
            try state.setGlobal("kept") { $0.push(Counter(), as: Self.counterType) }
            #expect(Counter.live == before + 1)
        }
        // Closing the state collects the rest.
        #expect(Counter.live == before)
    }
}
