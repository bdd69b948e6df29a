import Foundation
import Text

/// One input file and what it gave.
public struct CorpusFile: Sendable {
    /// The path as kiji shows it (folder as given + relative path).
    public let path: String
    /// Where the file is on disk.
    public let location: String
    public let documentCount: Int
    /// The store the file's documents were read from (see ``CorpusStore``);
    /// nil when they were read from the file itself.
    public let store: String?
    /// The file's size and SHA-256 when a store recorded them (nil: not known).
    public let bytes: Int?, sha256: String?

    public init(path: String, location: String, documentCount: Int, store: String? = nil, bytes: Int? = nil, sha256: String? = nil) {
        (self.path, self.location, self.documentCount, self.store) = (path, location, documentCount, store)
        (self.bytes, self.sha256) = (bytes, sha256)
    }

    /// The file as a store lists it, read from `store` (nil: copied from it unchanged, `location` being the file).
    init(_ entry: StoreInfo.File, location: String, store: String?) {
        self.init(path: entry.path, location: location, documentCount: entry.documents, store: store, bytes: entry.bytes, sha256: entry.sha256)
    }
}

/// A file that was not UTF-8, and the encoding it was read in.
public struct ConvertedFile: Sendable, Equatable {
    public let path: String
    public let encoding: LegacyEncoding
}

/// The loaded documents, in input order.
public struct Corpus: Sendable {
    public let documents: [Document]
    public let files: [CorpusFile]
    /// Files inside folders that kiji does not read (their paths).
    public let skipped: [String]
    /// Files read in a legacy encoding rather than UTF-8, in input order.
    public let converted: [ConvertedFile]
    /// Files read as CP932 (Shift_JIS).
    public var convertedFromCP932: [String] { converted.filter { $0.encoding == .cp932 }.map(\.path) }
    /// Folders given that hold no file kiji reads.
    public let emptyFolders: [String]

    public init(documents: [Document], files: [CorpusFile] = [], skipped: [String] = [], converted: [ConvertedFile] = [],
                emptyFolders: [String] = []) {
        self.documents = documents
        self.files = files
        self.skipped = skipped
        self.converted = converted
        self.emptyFolders = emptyFolders
    }

    public var undatedCount: Int { documents.count { $0.date == nil } }

    /// Documents that `deduplicated()` dropped: duplicates, and page
    /// boilerplate (counted there even when it is also a duplicate).
    public private(set) var droppedDuplicates = 0
    public private(set) var droppedBoilerplate = 0
    /// Whether this is the result of `deduplicated()`.
    public private(set) var wasDeduplicated = false
    /// The files deferred documents read their texts from again.
    var recordFiles: [RecordFile] = []
    /// The first failure to read a deferred document's record again where it
    /// could not be reported at once (see ``RecordFile/failure``): a run
    /// that ends with one must fail instead of writing its result.
    public var rereadFailure: CorpusError? { recordFiles.lazy.compactMap(\.failure).first }

    /// The same corpus (files, notes, what was dropped) with other documents.
    func with(documents kept: [Document]) -> Corpus {
        var result = Corpus(documents: kept, files: files, skipped: skipped, converted: converted, emptyFolders: emptyFolders)
        result.droppedBoilerplate = droppedBoilerplate
        result.droppedDuplicates = droppedDuplicates
        result.wasDeduplicated = wasDeduplicated
        result.recordFiles = recordFiles
        return result
    }

    /// The corpus without duplicates and page boilerplate (see ``DuplicateMarker``).
    public func deduplicated() -> Corpus {
        var result = with(documents: documents.filter { $0.duplicateOf == nil && !$0.isBoilerplate })
        result.droppedBoilerplate = droppedBoilerplate + documents.count(where: \.isBoilerplate)
        result.droppedDuplicates = droppedDuplicates + documents.count { $0.duplicateOf != nil && !$0.isBoilerplate }
        result.wasDeduplicated = true
        return result
    }
}

/// Loads files and folders into a ``Corpus``.
public enum CorpusLoader {
    /// File endings kiji reads, and the reader for each.
    public static let supportedExtensions = ["txt", "jsonl", "ndjson", "csv"]

    /// Loads `paths` in the given order; folders load every supported file
    /// below them in sorted order. Throws ``CorpusError`` naming the file.
    /// - Parameter textLayout: the layout of every `.txt` file; nil detects it per file.
    /// - Parameter standardInput: what the path `-` stands for; `-` is an
    ///   error when it is nil or named twice.
    /// - Parameter textBudget: when given, UTF-8 JSON Lines files are read
    ///   block by block, and once the texts kept reach this many bytes, further
    ///   documents are deferred: their text stays in the file and is read
    ///   again when used (see ``Document/loaded()``). Nil keeps every text.
    /// - Parameter reusing: a store whose documents are taken for every file
    ///   it holds unchanged (same path, size and SHA-256) instead of reading
    ///   the file again (`kiji import --update`).
    public static func load(paths: [String], textLayout: TextLayout? = nil, standardInput: StandardInput? = nil,
                            textBudget: Int? = nil, reusing: CorpusStore? = nil) throws -> Corpus {
        try load(paths: paths, textLayout: textLayout, standardInput: standardInput, textBudget: textBudget,
                 blockSize: LineBlockReader.defaultBlockSize, reusing: reusing)
    }

    /// The same, reading streamed files in blocks of `blockSize` bytes (tests use small ones).
    static func load(paths: [String], textLayout: TextLayout?, standardInput: StandardInput?, textBudget: Int?,
                     blockSize: Int, reusing: CorpusStore? = nil) throws -> Corpus {
        let reusedFile = reusing.map { RecordFile(store: $0) }
        var documents: [Document] = []
        var files: [CorpusFile] = []
        var skipped: [String] = []
        var converted: [ConvertedFile] = []
        var emptyFolders: [String] = []
        var seenIDs: [String: Document] = [:]
        var duplicates = DuplicateMarker.Duplicates()
        var keptTextBytes = 0
        var recordFiles: [RecordFile] = []
        if paths.count(where: { $0 == StandardInput.path }) > 1 {
            throw CorpusError(file: StandardInput.path, "standard input is named more than once", hint: "give - once")
        }
        for path in paths {
            let inputs = try path == StandardInput.path ? [standardInputFile(standardInput)] : expand(path, skipped: &skipped)
            if inputs.isEmpty { emptyFolders.append(path) }
            for input in inputs {
                let first = documents.count
                // The first reused id is reported once the file has been read, so
                // that a bad line anywhere in the file comes first, as it always did.
                var reusedID: CorpusError?
                func add(_ document: Document, origin: RecordOrigin?) {
                    if reusedID == nil, let earlier = seenIDs[document.id] {
                        reusedID = CorpusError(file: document.source, line: document.line,
                                               "document id '\(document.id)' is already used at \(earlier.location)",
                                               hint: "give every document a unique id (is the same file loaded twice?)")
                    }
                    // One copy at most: marked, and deferred when past the budget.
                    var document = document
                    let duplicateOf = duplicates.firstCopy(of: document)
                    if let origin, let textBudget, !keepsText(document, kept: keptTextBytes, budget: textBudget) {
                        document = document.deferred(to: origin, duplicateOf: duplicateOf)
                    } else {
                        keptTextBytes += document.textBytes.count
                        if let duplicateOf { document = Document(document, duplicateOf: duplicateOf, isBoilerplate: false) }
                    }
                    if document.duplicateOf == nil { duplicates.remember(document) }
                    seenIDs[document.id] = seenIDs[document.id] ?? document
                    documents.append(document)
                }
                var storeFiles: [CorpusFile]?
                if let reusing, let reusedFile, input.data == nil, !isStore(input.path),
                   let entry = reusing.unchangedEntry(path: input.path, source: input.source) {
                    try reusing.forEachRecord(of: entry) { document, offset, count in
                        add(document, origin: RecordOrigin(file: reusedFile, offset: offset, count: count))
                    }
                    converted += entry.converted
                    storeFiles = [CorpusFile(entry, location: input.path, store: nil)]
                } else if input.data == nil, isStore(input.path) {
                    let store = try CorpusStore(path: input.path)
                    try checkLayout(of: store, against: textLayout)
                    let file = RecordFile(store: store)
                    recordFiles.append(file)
                    try store.forEachRecord { document, offset, count in
                        add(document, origin: RecordOrigin(file: file, offset: offset, count: count))
                    }
                    storeFiles = store.info.files.map { CorpusFile($0, location: input.path, store: input.path) }
                    converted += store.info.files.flatMap(\.converted)
                } else if textBudget != nil, input.data == nil, isJSONLines(input.path),
                   try StreamedJSONLines.isStreamable(path: input.path, source: input.source, blockSize: blockSize) {
                    let file = RecordFile(path: input.path, source: input.source, stem: input.stem)
                    recordFiles.append(file)
                    try StreamedJSONLines.read(path: input.path, source: input.source, stem: input.stem, blockSize: blockSize) { document, line in
                        add(document, origin: RecordOrigin(file: file, offset: line.lowerBound, count: line.count))
                    }
                } else {
                    let (loaded, encoding) = try input.data.map { try readData($0, ext: "jsonl", source: input.source, stem: input.stem, lineOffset: input.lineOffset) }
                        ?? readFile(input.path, source: input.source, stem: input.stem, textLayout: textLayout)
                    if let encoding { converted.append(ConvertedFile(path: input.source, encoding: encoding)) }
                    for document in loaded { add(document, origin: nil) }
                }
                if let reusedID { throw reusedID }
                files += storeFiles ?? [CorpusFile(path: input.source, location: input.path, documentCount: documents.count - first)]
            }
        }
        var corpus = Corpus(documents: DuplicateMarker.markBoilerplate(documents), files: files, skipped: skipped,
                            converted: converted, emptyFolders: emptyFolders)
        corpus.recordFiles = recordFiles + (reusedFile.map { [$0] } ?? [])
        return corpus
    }

    /// Whether a document read from a JSON Lines file keeps its text in
    /// memory: while the texts kept stay within the budget, and always for
    /// undated short documents, which the boilerplate check reads.
    static func keepsText(_ document: Document, kept: Int, budget: Int) -> Bool {
        let count = document.textBytes.count
        return kept + count <= budget || (document.date == nil && count <= DuplicateMarker.pageDescriptionMaxBytes)
    }

    /// Whether a path names a store (see ``CorpusStore``): by its ending, `.kiji`.
    public static func isStore(_ path: String) -> Bool {
        (path as NSString).pathExtension.lowercased() == StoreFormat.fileExtension
    }

    /// A store holds .txt files as read with the layout of its import; another `--layout` cannot apply.
    static func checkLayout(of store: CorpusStore, against layout: TextLayout?) throws {
        guard let layout, layout.rawValue != store.info.layout,
              store.info.files.contains(where: { ($0.path as NSString).pathExtension.lowercased() == "txt" }) else { return }
        throw CorpusError(file: store.path, "was imported with --layout \(store.info.layout ?? "auto"), not \(layout.rawValue)",
                          hint: "leave out --layout, or import the corpus again with --layout \(layout.rawValue)")
    }

    static func isJSONLines(_ path: String) -> Bool {
        ["jsonl", "ndjson"].contains((path as NSString).pathExtension.lowercased())
    }

    /// Reads one file; `source` is how documents name it, and `stem`
    /// prefixes the ids of documents without their own.
    public static func loadFile(_ path: String, source: String, stem: String) throws -> [Document] {
        try readFile(path, source: source, stem: stem).documents
    }

    static func readFile(_ path: String, source: String, stem: String,
                         textLayout: TextLayout? = nil) throws -> (documents: [Document], encoding: LegacyEncoding?) {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw CorpusError(file: source, "cannot be read (\(error.localizedDescription))")
        }
        return try readData(data, ext: (path as NSString).pathExtension.lowercased(), source: source, stem: stem, textLayout: textLayout)
    }

    /// Reads the bytes of a file with the ending `ext`.
    static func readData(_ data: Data, ext: String, source: String, stem: String, textLayout: TextLayout? = nil,
                         lineOffset: Int = 0) throws -> (documents: [Document], encoding: LegacyEncoding?) {
        switch try decodeBytes(data, path: source, lineOffset: lineOffset) {
        case .utf8(let bytes) where ext == "jsonl" || ext == "ndjson":
            // Bytes stay bytes: the records are scanned straight from the file.
            return (try JSONLinesReader.read(bytes, source: source, stem: stem, isValidUTF8: true, lineOffset: lineOffset), nil)
        case .utf8(let bytes):
            return (try readText(String(decoding: bytes, as: UTF8.self), ext: ext, source: source, stem: stem, textLayout: textLayout), nil)
        case .legacy(let text, let encoding):
            return (try readText(text, ext: ext, source: source, stem: stem, textLayout: textLayout, lineOffset: lineOffset), encoding)
        }
    }

    private static func readText(_ text: String, ext: String, source: String, stem: String, textLayout: TextLayout?,
                                 lineOffset: Int = 0) throws -> [Document] {
        switch ext {
        case "jsonl", "ndjson":
            return try JSONLinesReader.read(Data(text.utf8), source: source, stem: stem, isValidUTF8: true, lineOffset: lineOffset)
        case "csv": return try CSVCorpusReader.read(text, source: source, stem: stem)
        default: return SeedTextReader.read(text, source: source, stem: stem, layout: textLayout)
        }
    }

    /// The input `-` stands for, or an error saying how to give it.
    static func standardInputFile(_ standardInput: StandardInput?) throws -> Input {
        guard let standardInput else {
            throw CorpusError(file: StandardInput.path, "standard input cannot be read here", hint: "name a file or folder instead of -")
        }
        return Input(path: StandardInput.path, source: standardInput.source,
                     stem: stem(of: (standardInput.source as NSString).lastPathComponent),
                     data: standardInput.data, lineOffset: standardInput.lineOffset)
    }

    /// One file to read.
    struct Input {
        /// Where the file is (`-`: standard input).
        let path: String
        /// How documents name it: the path as given for a file; the folder's
        /// own name plus the relative path for a file found in a folder, so
        /// the value does not depend on where the folder lives.
        let source: String
        /// The id prefix: the file name (or relative path) without extension.
        let stem: String
        /// The bytes, when they were read already (standard input).
        var data: Data? = nil
        /// Lines before these in the whole file (see ``StandardInput``).
        var lineOffset = 0
    }

    /// The files a path stands for.
    static func expand(_ path: String, skipped: inout [String]) throws -> [Input] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw CorpusError(file: path, "no such file or folder")
        }
        guard isDirectory.boolValue else {
            let ext = (path as NSString).pathExtension.lowercased()
            guard supportedExtensions.contains(ext) || ext == StoreFormat.fileExtension else {
                throw CorpusError(file: path, "kiji cannot read '.\(ext)' files",
                                  hint: "use plain text (.txt), JSON Lines (.jsonl, .ndjson), CSV (.csv) or a store made by kiji import (.kiji)")
            }
            return [Input(path: path, source: path, stem: stem(of: (path as NSString).lastPathComponent))]
        }
        guard let relativePaths = FileManager.default.subpaths(atPath: path) else {
            throw CorpusError(file: path, "folder cannot be listed")
        }
        var result: [Input] = []
        let folderName = (path as NSString).standardizingPath.split(separator: "/").last.map(String.init) ?? path
        // Byte order of the UTF-8 paths: the same on every machine and locale.
        for relative in relativePaths.sorted(by: { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }) {
            let components = relative.split(separator: "/")
            if components.contains(where: { $0.hasPrefix(".") }) { continue }
            let full = (path as NSString).appendingPathComponent(relative)
            var isSubdirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: full, isDirectory: &isSubdirectory)
            if isSubdirectory.boolValue { continue }
            guard supportedExtensions.contains((relative as NSString).pathExtension.lowercased()) else {
                skipped.append(full)
                continue
            }
            result.append(Input(path: full, source: "\(folderName)/\(relative)", stem: stem(of: relative)))
        }
        return result
    }

    static func stem(of relativePath: String) -> String {
        (relativePath as NSString).deletingPathExtension
    }

    /// A file's text: its UTF-8 bytes (validated, without a byte-order
    /// mark), or the text of a file in a legacy encoding.
    enum DecodedBytes {
        case utf8(Data)
        case legacy(String, LegacyEncoding)
    }

    /// Decodes UTF-8 in place (dropping a byte-order mark), or, when the file
    /// is not UTF-8, the legacy Japanese encoding it reads as (CP932 as Excel
    /// on Japanese Windows saves, or EUC-JP). Anything else is an error naming
    /// the line of the first byte that is not UTF-8.
    static func decodeBytes(_ data: Data, path: String, lineOffset: Int = 0) throws -> DecodedBytes {
        if data.starts(with: [0xFF, 0xFE]) || data.starts(with: [0xFE, 0xFF]) {
            throw CorpusError(file: path, line: lineOffset + 1, "is UTF-16 (it starts with a UTF-16 byte-order mark)",
                              hint: "save it as UTF-8 (in Excel: CSV UTF-8), or convert it: iconv -f UTF-16 -t UTF-8 '\(path)' > converted.txt")
        }
        if let line = lineOfFirstNUL(data) {
            throw CorpusError(file: path, line: lineOffset + line, "contains a NUL byte, so it is not a text file",
                              hint: "save it as UTF-8 text (a UTF-16 file has NUL bytes between its letters)")
        }
        let text = data.starts(with: [0xEF, 0xBB, 0xBF]) ? data.dropFirst(3) : data
        guard let invalid = text.withUnsafeBytes({ UTF8Validation.firstInvalidOffset(in: $0) }) else { return .utf8(text) }
        let bytes = [UInt8](text)
        if let (legacyText, encoding) = LegacyEncoding.detect(bytes) { return .legacy(legacyText, encoding) }
        let line = lineOffset + bytes[..<invalid].count(where: { $0 == 10 }) + 1
        throw CorpusError(file: path, line: line, "is neither UTF-8 nor Japanese CP932 (Shift_JIS) or EUC-JP",
                          hint: "convert it to UTF-8 first, e.g. iconv -f ENCODING -t UTF-8 '\(path)' > converted.txt")
    }

    /// The line of the first NUL byte, or nil when there is none.
    static func lineOfFirstNUL(_ data: Data) -> Int? {
        data.withUnsafeBytes { buffer -> Int? in
            guard let base = buffer.baseAddress, let nul = memchr(base, 0, buffer.count) else { return nil }
            let offset = base.distance(to: UnsafeRawPointer(nul))
            return buffer[..<offset].count(where: { $0 == 10 }) + 1
        }
    }
}
