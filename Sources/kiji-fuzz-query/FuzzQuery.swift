import CProcessShims
import Corpus
import Foundation
import FuzzSupport
import PluginHost

/// A fuzz target for the plugin host: the input is a Lua query, run over a
/// small corpus with tight limits. It must end in a result or a clean error.
enum FuzzQuery {
    static let documents: [Document] = {
        let lines = """
            {"id":"a","date":"2025-01-05","title":"日米同盟","text":"中国と台湾。ｱﾝﾄﾞﾛｲﾄﾞ①","author":"記者","meta":{"k":[1,{"x":null}]}}
            {"id":"b","title":"無題","text":"尖閣（せんかく）で「緊張」が続く。"}
            """
        return (try? JSONLinesReader.read(Data(lines.utf8), source: "fuzz.jsonl", stem: "fuzz")) ?? []
    }()

    /// Functions that run where no hook reaches (C pattern matching, __gc
    /// finalizers) end the process through the watchdog by design; the
    /// fuzzer would report that as a failure, so they are withheld here.
    static let prelude = """
        string.find, string.match, string.gmatch, string.gsub = nil, nil, nil, nil
        local raw = setmetatable
        setmetatable = function(t, mt) if type(mt) == "table" and rawget(mt, "__gc") ~= nil then error("no __gc here") end return raw(t, mt) end

        """

    static func run(_ bytes: UnsafeBufferPointer<UInt8>) {
        // libFuzzer's -timeout reports (and saves) slow inputs; the watchdog
        // would end the process without saying which input it was.
        kiji_deadline_disable()
        let source = prelude + String(decoding: bytes, as: UTF8.self)
        guard let runner = try? QueryRunner(moduleDirectories: [], limits: ResourceLimits(memoryBytes: 64 << 20, seconds: 2)) else { return }
        _ = try? runner.run(source, chunkName: "=(fuzz)", on: documents)
    }
}

/// libFuzzer's entry point, for builds where its own `main` is linked.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    FuzzQuery.run(UnsafeBufferPointer(start: data, count: size))
    return 0
}

@main
struct FuzzQueryMain {
    static func main() {
        FuzzInputs.main(fuzzOneInput)
    }
}
