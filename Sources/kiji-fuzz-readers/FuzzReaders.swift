import Corpus
import Foundation
import FuzzSupport

/// A fuzz target for the corpus readers: the first byte picks the file type
/// (JSON Lines, CSV, plain text), the rest is the file. Loading must give
/// documents or a CorpusError, whatever the bytes.
enum FuzzReaders {
    static let folder: String = {
        let path = NSTemporaryDirectory() + "kiji-fuzz-readers-\(getpid())"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }()

    static func run(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let selector = bytes.first else { return }
        let ending = ["jsonl", "csv", "txt"][Int(selector) % 3]
        let path = "\(folder)/input.\(ending)"
        guard FileManager.default.createFile(atPath: path, contents: Data(bytes.dropFirst())) else { return }
        do {
            let corpus = try CorpusLoader.load(paths: [path])
            // Touch what plugins read, so lazily built values are exercised too.
            for document in corpus.documents { _ = (document.textBytes.count, document.month, document.meta.count) }
        } catch is CorpusError {
            // A clean, reported input error.
        } catch {
            fatalError("a reader threw something other than CorpusError: \(error)")
        }
    }
}

/// libFuzzer's entry point, for builds where its own `main` is linked.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    FuzzReaders.run(UnsafeBufferPointer(start: data, count: size))
    return 0
}

@main
struct FuzzReadersMain {
    static func main() {
        FuzzInputs.main(fuzzOneInput)
    }
}
