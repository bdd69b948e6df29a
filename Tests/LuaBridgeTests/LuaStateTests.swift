import Testing
@testable import LuaBridge

@Suite struct LuaStateTests {
    @Test func runsChunksAndReturnsValues() throws {
        let state = try LuaState()
        let value = try state.run("return 40 + 2")
        guard case .integer(42) = value else { Issue.record("got \(value)"); return }
        #expect(try state.run("return 'a' .. 'b'").string == "ab")
    }

    @Test func swiftErrorBecomesLuaErrorThatPcallCatches() throws {
        let state = try LuaState()
        let fails = state.register(function: "fails") { _ in throw LuaRuntimeError("disk on fire") }
        try state.setGlobal("fails") { $0.push(function: fails) }
        let result = try state.run("""
            local ok, message = pcall(function() return fails() end)
            return tostring(ok) .. "|" .. message
            """, chunkName: "@probe.lua")
        #expect(result.string == "false|probe.lua:1: disk on fire")
    }

    @Test func errorsRaisedWithoutALuaCallerHaveNoPosition() throws {
        // As in Lua itself: pcall(fn) has no Lua caller to name.
        let state = try LuaState()
        let fails = state.register(function: "fails") { _ in throw LuaRuntimeError("plain") }
        try state.setGlobal("fails") { $0.push(function: fails) }
        #expect(try state.run("local ok, m = pcall(fails) return m").string == "plain")
    }

    @Test func argumentErrorsUseLuaWording() throws {
        let state = try LuaState()
        let wantsString = state.register(function: "count") { call in
            _ = try call.string(1)
            return 0
        }
        try state.setGlobal("count") { $0.push(function: wantsString) }
        let result = try state.run("local ok, m = pcall(function() return count({}) end) return m", chunkName: "=t")
        #expect(result.string == "t:1: bad argument #1 to 'count' (string expected, got table)")
        let missing = try state.run("local ok, m = pcall(function() return count() end) return m", chunkName: "=t")
        #expect(missing.string == "t:1: bad argument #1 to 'count' (string expected, got no value)")
    }

    @Test func runtimeErrorReportsChunkLineAndTraceback() throws {
        let state = try LuaState()
        let chunk = try state.load(Array("local x = nil\nlocal function f() return x.field end\nlocal r = f()\nreturn r\n".utf8),
                                   chunkName: "@plugins/broken.lua")
        do {
            try state.call(chunk)
            Issue.record("expected an error")
        } catch let error as LuaScriptError {
            #expect(error.chunk == "plugins/broken.lua")
            #expect(error.line == 2)
            #expect(error.reason == "attempt to index a nil value (upvalue 'x')")
            #expect(error.traceback.hasPrefix("stack traceback:"))
            #expect(error.traceback.contains("plugins/broken.lua:2: in"))
            #expect(error.traceback.contains("plugins/broken.lua:3: in"))
        }
    }

    @Test func syntaxErrorIsALoadError() throws {
        let state = try LuaState()
        #expect(throws: LuaScriptError.self) { try state.load(Array("return {".utf8), chunkName: "@bad.lua") }
        do {
            _ = try state.load(Array("x = = 1".utf8), chunkName: "@bad.lua")
        } catch let error as LuaScriptError {
            #expect(error.chunk == "bad.lua")
            #expect(error.line == 1)
        }
    }

    @Test func nonStringErrorValuesAreDescribed() throws {
        let state = try LuaState()
        let chunk = try state.load(Array("error({code = 7})".utf8), chunkName: "=t")
        #expect { try state.call(chunk) } throws: { error in
            (error as? LuaScriptError)?.message == "(error object is a table value)"
        }
        let withToString = try state.load(Array("error(setmetatable({}, {__tostring = function() return 'custom' end}))".utf8), chunkName: "=t")
        #expect { try state.call(withToString) } throws: { error in
            (error as? LuaScriptError)?.message == "custom"
        }
    }

    @Test func stateStillWorksAfterErrors() throws {
        let state = try LuaState()
        for _ in 0..<50 {
            _ = try? state.run("error('boom')")
            _ = try? state.run("return nil + 1")
        }
        #expect(try state.run("return 1 + 1").isNil == false)
        guard case .integer(2) = try state.run("return 1 + 1") else { Issue.record("state broken"); return }
    }

    @Test func referencesAreReleasedExactlyOnce() throws {
        let state = try LuaState()
        #expect(state.liveReferenceCount == 0)
        do {
            let chunk = try state.load(Array("return function() return 1 end".utf8), chunkName: "=t")
            let values = try state.call(chunk, results: 1)
            #expect(state.liveReferenceCount == 2)
            values[0].function?.release()
            values[0].function?.release()  // a second release is harmless
            #expect(state.liveReferenceCount == 1)
            chunk.release()
        }
        #expect(state.liveReferenceCount == 0)
        // References dropped without release() free their slot in deinit.
        for _ in 0..<100 { _ = try state.load(Array("return 1".utf8), chunkName: "=t") }
        #expect(state.liveReferenceCount == 0)
    }

    @Test func failedCallsLeakNoReferences() throws {
        let state = try LuaState()
        for _ in 0..<20 {
            _ = try? state.run("local t = {} ; error('x')")
            _ = try? state.load(Array("syntax error here".utf8), chunkName: "=t")
        }
        #expect(state.liveReferenceCount == 0)
    }

    @Test func sandboxHasNoFileOrProcessAccess() throws {
        let state = try LuaState()
        for name in ["os", "io", "debug", "dofile", "loadfile", "package"] {
            #expect(try state.run("return \(name)").isNil, "\(name) should be absent")
        }
        for name in ["string", "table", "math", "utf8", "coroutine", "pcall"] {
            #expect(try state.run("return type(\(name))").string != "nil", "\(name) should be present")
        }
        // load accepts text but never binary chunks.
        #expect(try state.run("return load('return 5')()").isNil == false)
        let binary = try state.run("local f = string.dump(function() end); local g, err = load(f, 'bin'); return err")
        #expect(binary.string?.contains("attempt to load a binary chunk") == true)
    }

    @Test func invalidUTF8IsReportedWithItsField() throws {
        let state = try LuaState()
        #expect { try state.run("return { excerpt = string.sub('日本', 1, 2) }") } throws: { error in
            String(describing: error) == "field 'excerpt': string is not valid UTF-8"
        }
    }

    @Test func timeLimitStopsLoopsThatPcallCannotSwallow() throws {
        let state = try LuaState()
        state.setTimeLimit(seconds: 0.2)
        let chunk = try state.load(Array("while true do pcall(function() while true do end end) end".utf8), chunkName: "=spin")
        #expect { try state.call(chunk) } throws: { error in
            (error as? LuaScriptError)?.message.contains("stopped: the time limit of 0.2 seconds is used up") == true
        }
        state.setTimeLimit(seconds: nil)
        guard case .integer(4) = try state.run("return 2 + 2") else { Issue.record("state unusable after the limit is lifted"); return }
    }

    @Test func memoryLimitStopsRunawayAllocation() throws {
        let state = try LuaState(memoryLimit: 4 << 20)
        let result = try state.run("""
            local ok, err = pcall(function() local t = {} for i = 1, 1e8 do t[i] = i end end)
            return err
            """)
        #expect(result.string == "not enough memory")
        guard case .integer(3) = try state.run("return 1 + 2") else { Issue.record("state broken after OOM"); return }
    }
}
