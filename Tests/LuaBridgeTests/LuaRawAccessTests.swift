import Testing
@testable import LuaBridge

@Suite struct LuaRawAccessTests {
    @Test func rawEntriesAreReadInPlaceAndTheStackIsKept() throws {
        let state = try LuaState()
        let kinds = state.register(function: "kinds") { call in
            let stack = call.stack
            let top = stack.top
            var seen: [String] = []
            try stack.forEachRawEntry(ofTableAt: 1) { key, value in
                guard stack.kind(at: key) == .string else { return true }
                let kind = stack.kind(at: value)
                let text = kind == .integer ? String(stack.integerValue(at: value)) : kind == .number ? String(stack.numberValue(at: value))
                    : kind == .boolean ? String(stack.booleanValue(at: value)) : "\(kind)"
                seen.append("\(try stack.string(at: key))=\(text)")
                return true
            }
            #expect(stack.top == top)
            #expect(stack.pushRawItem(in: 1, 1) == .string)
            stack.pop()
            call.push(seen.sorted().joined(separator: ","))
            return 1
        }
        try state.setGlobal("kinds") { $0.push(function: kinds) }
        let result = try state.run("return kinds(setmetatable({ 'first', a = 1, b = 2.5, c = true, d = {}, e = 'x' }, { __index = error }))")
        #expect(result.string == "a=1,b=2.5,c=true,d=table,e=string")
    }

    @Test func interruptStopsRunningCodeEvenUnderPcall() throws {
        let state = try LuaState()
        state.interrupt()
        #expect(throws: LuaScriptError.self) { try state.run("local ok = pcall(function() while true do end end) while true do end") }
        #expect(state.stack.top == 0)
    }
}
