import ArgumentParser
import Corpus
import Foundation
import Morphology
import ProcessSupport
import Text

/// `kiji import`: reads a corpus once into a store that every command reads
/// without parsing or normalising again.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Read a corpus once into a store (NAME.kiji) that run, query, validate and chart read directly.",
        discussion: """
        A store holds each document as kiji reads it: the NFKC text, the raw text where it differs, the id, source, line, date and where it came from, authors, urls and metadata. Commands given NAME.kiji instead of the corpus give byte-identical output, without parsing or normalising again.

        --update NAME.kiji imports again into the same store: files whose path, size and SHA-256 are unchanged are copied from the store, the others (changed or new) are read. Files no longer named are left out.

        Examples:
          kiji import seeds/ -o seeds.kiji
          kiji run mentions-by-month seeds.kiji
          kiji import --update seeds.kiji seeds/
        """)

    @Argument(help: ArgumentHelp("Corpus files or folders, as for kiji run (stores too).", valueName: "CORPUS"))
    var corpus: [String] = []

    @Option(name: [.customShort("o"), .customLong("output")], help: ArgumentHelp("The store to write; its name ends in .kiji.", valueName: "NAME.kiji"))
    var output: String?

    @Option(name: .customLong("update"), help: ArgumentHelp(
        "An existing store to bring up to date: unchanged files are copied from it, changed and new ones are read. It is rewritten in place unless -o names another store.",
        valueName: "NAME.kiji"))
    var update: String?

    @OptionGroup var layoutOption: LayoutOption

    @Flag(name: .customLong("tokens"), help: ArgumentHelp(
        "Also store every document's MeCab tokens (keyed by the dictionary), so analyses that tokenise skip MeCab."))
    var tokens = false

    @Option(name: .customLong("mecab-dict"), help: ArgumentHelp(
        "The MeCab dictionary folder for --tokens (default: as for kiji run).", valueName: "DIR"))
    var mecabDictionary: String?

    func validate() throws {
        guard !corpus.isEmpty else { throw ValidationError("name the corpus files or folders to import") }
        guard let destination = output ?? update else { throw ValidationError("name the store to write with -o NAME.kiji") }
        guard CorpusLoader.isStore(destination) else {
            throw ValidationError("the store's name must end in .kiji (commands know a store by it), not '\(destination)'")
        }
    }

    func run() throws {
        let started = Date()
        let destination = output ?? update ?? ""
        let textLayout = layoutOption.textLayout
        var reusing: CorpusStore?
        let loaded: Corpus
        do {
            if let update {
                let previous = try CorpusStore(path: update)
                if previous.info.kijiVersion == Kiji.configuration.version, previous.info.layout == textLayout?.rawValue {
                    reusing = previous
                } else {
                    Console.note("kiji: note: \(update) was written by kiji \(previous.info.kijiVersion) with --layout "
                                 + "\(previous.info.layout ?? "auto"); every file is read again")
                }
            }
            loaded = try CorpusLoader.load(paths: corpus, textLayout: textLayout, textBudget: 64 << 20, reusing: reusing)
        } catch let error as CorpusError {
            throw KijiFailure.usage(error.description)
        }
        let corpus = loaded
        CorpusLoading.printNotes(corpus)
        let staged: StagedFile
        do { staged = try StagedFile(path: destination) } catch { throw KijiFailure.usage(error.description) }
        var written = 0
        var writer = StoreWriter { bytes in
            try staged.write(bytes)
            written += bytes.count
        }
        var tokenCounts: (byMeCab: Int, copied: Int)?
        do {
            for document in corpus.documents { try writer.append(document) }
            var dictionary: (dictionary: String, description: String)?
            if tokens {
                let tokenizer = try StoreTokenizer(dictionary: mecabDictionary, previous: reusing?.tokens)
                tokenCounts = try tokenizer.addTokens(of: corpus.documents, to: &writer)
                dictionary = (tokenizer.identity, tokenizer.description)
            }
            try writer.finish(kijiVersion: Kiji.configuration.version, layout: textLayout?.rawValue, files: StoreWriter.files(of: corpus),
                              tokens: dictionary)
        } catch let error as MeCabError {
            throw KijiFailure.usage(error.description)
        } catch let error as CorpusError {
            throw KijiFailure.usage((corpus.rereadFailure ?? error).description)
        } catch let error as AtomicFileError {
            throw KijiFailure.runtime(error.description)
        }
        if let failure = corpus.rereadFailure { throw KijiFailure.usage(failure.description) }
        do { try staged.commit() } catch { throw KijiFailure.runtime(error.description) }
        let reused = corpus.files.count { $0.store == nil && $0.sha256 != nil }
        let seconds = String(format: "%.2f", Date().timeIntervalSince(started))
        Console.note("kiji: import: \(corpus.documents.count) documents from \(corpus.files.count) files"
                     + (update == nil ? "" : " (\(reused) unchanged, copied from the store)")
                     + " into \(destination) (\(Self.megabytes(written)) MB) in \(seconds) s"
                     + (tokenCounts.map { "; tokens: \($0.byMeCab) texts by MeCab, \($0.copied) copied from the store" } ?? ""))
    }

    static func megabytes(_ bytes: Int) -> String { String(format: "%.1f", Double(bytes) / 1_000_000) }
}

/// `kiji info`: what a store holds.
struct InfoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "info",
        abstract: "Show what a store made by kiji import holds: documents, files, layout and the kiji that wrote it.")

    @Argument(help: ArgumentHelp("A store (.kiji).", valueName: "NAME.kiji"))
    var store: String

    func run() throws {
        let opened: CorpusStore
        do { opened = try CorpusStore(path: store) } catch let error as CorpusError { throw KijiFailure.usage(error.description) }
        let info = opened.info
        var text = "\(store): kiji store, format \(info.formatVersion), written by kiji \(info.kijiVersion)\n"
        text += "documents: \(info.documents)\n"
        text += "text: \(info.textBytes) bytes (NFKC UTF-8)\n"
        text += "layout: \(info.layout ?? "auto")\n"
        text += "tokens: " + (info.tokens.map { "\($0.entries) texts, MeCab \($0.description)" } ?? "none (import with --tokens to store them)") + "\n"
        text += "files: \(info.files.count)\n"
        var rows = [["  file", "documents", "bytes", "sha256", "encoding"]]
        for file in info.files {
            let encoding = file.encoding.flatMap(LegacyEncoding.init(rawValue:))?.displayName ?? "UTF-8"
            let digest = file.sha256.map { String($0.prefix(16)) } ?? "-"
            let bytes = file.bytes.map { String($0) } ?? "-"
            rows.append(["  " + file.path, String(file.documents), bytes, digest, encoding])
        }
        text += DisplayWidth.table(rows)
        try Console.print(text, terminator: "")
    }
}
