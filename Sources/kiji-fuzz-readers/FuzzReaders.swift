import Corpus
import Foundation
import FuzzSupport

/// A fuzz target for the corpus readers: the first byte picks the file type
/// (JSON Lines, CSV, plain text), the rest is the file. Loading must give
/// documents or a CorpusError, whatever the bytes, and for JSON Lines the
/// same with every text deferred (see `Document.isDeferred`); a store made
/// of what loaded must give it back exactly.
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
        let whole = outcome { try CorpusLoader.load(paths: [path]) }
        // Texts left in the file (every one, with no budget) must give the same documents or the same error.
        if ending == "jsonl", outcome({ try CorpusLoader.load(paths: [path], textBudget: 0) }) != whole {
            fatalError("reading with deferred texts differs from reading the whole file")
        }
        // A store of what loaded gives it back exactly, kept or deferred.
        guard whole.error == nil, let corpus = try? CorpusLoader.load(paths: [path]) else { return }
        let store = "\(folder)/input.kiji"
        var bytes: [UInt8] = []
        var writer = StoreWriter { bytes += $0 }
        do {
            for document in corpus.documents { try writer.append(document) }
            try writer.finish(kijiVersion: "fuzz", layout: nil, files: StoreWriter.files(of: corpus))
        } catch {
            fatalError("a corpus that loaded could not be stored: \(error)")
        }
        guard FileManager.default.createFile(atPath: store, contents: Data(bytes)) else { return }
        for budget in [nil, 0] where outcome({ try CorpusLoader.load(paths: [store], textBudget: budget) }) != whole {
            fatalError("a store gives other documents than the file it was made from (text budget \(budget.map(String.init) ?? "none"))")
        }
    }

    /// What loading gives: every document's fields, metadata and text, or the error.
    struct Outcome: Equatable {
        var fields: [String] = []
        var meta: [[String: JSONValue]] = []
        var error: String?
    }

    static func outcome(_ load: () throws -> Corpus) -> Outcome {
        do {
            var outcome = Outcome()
            // Touching what plugins read also exercises lazily built values.
            for document in try load().documents {
                let loaded = try document.loaded()
                outcome.fields.append([document.id, document.source, "\(document.line)", document.date?.description ?? "-",
                                       document.month ?? "-", document.authors.joined(separator: "|"), document.urls.joined(separator: "|"),
                                       loaded.title, loaded.body, loaded.rawText, document.text,
                                       document.duplicateOf ?? "-", "\(document.isBoilerplate)"].joined(separator: "\u{1}"))
                outcome.meta.append(document.meta)
            }
            return outcome
        } catch let error as CorpusError {
            return Outcome(error: "\(error)")  // a clean, reported input error
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
