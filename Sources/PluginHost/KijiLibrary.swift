import LuaBridge
import Text

/// The `kiji` global table: version and the `kiji.text` helpers.
enum KijiLibrary {
    static let version = "0.1.0"

    static func install(in state: LuaState) {
        let len = state.register(function: "len") { call in
            call.push(UnicodeText.length(try call.string(1)))
            return 1
        }
        let sub = state.register(function: "sub") { call in
            let text = try call.string(1)
            call.push(UnicodeText.substring(text, from: try call.optionalInteger(2) ?? 1, to: try call.optionalInteger(3) ?? -1))
            return 1
        }
        let normalize = state.register(function: "normalize") { call in
            call.push(TextNormalizer.nfkc(try call.string(1)))
            return 1
        }
        let split = state.register(function: "split") { call in
            let text = try call.string(1)
            let separator = try call.optionalString(2) ?? ","
            guard !separator.isEmpty else { throw call.argumentError(2, "empty separator") }
            call.stack.push(text.split(separator: separator, omittingEmptySubsequences: false).map(String.init))
            return 1
        }
        let trim = state.register(function: "trim") { call in
            call.push(UnicodeText.trimmed(try call.string(1)))
            return 1
        }
        state.setGlobal("kiji") { stack in
            stack.newTable(records: 2)
            stack.setField("version") { stack.push(version) }
            stack.setField("text") {
                stack.newTable(records: 5)
                stack.setField("len") { stack.push(function: len) }
                stack.setField("sub") { stack.push(function: sub) }
                stack.setField("normalize") { stack.push(function: normalize) }
                stack.setField("split") { stack.push(function: split) }
                stack.setField("trim") { stack.push(function: trim) }
            }
        }
    }
}
