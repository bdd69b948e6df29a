import Foundation

/// One input file and what it gave.
public struct CorpusFile: Sendable {
    /// The path as kiji shows it (folder as given + relative path).
    public let path: String
    /// Where the file is on disk.
    public let location: String
    public let documentCount: Int
}

/// The loaded documents, in input order.
public struct Corpus: Sendable {
    public let documents: [Document]
    public let files: [CorpusFile]
    /// Files inside folders that kiji does not read (their paths).
    public let skipped: [String]
    /// Files read as CP932 (Shift_JIS) rather than UTF-8.
    public let convertedFromCP932: [String]
    /// Folders given that hold no file kiji reads.
    public let emptyFolders: [String]

    public init(documents: [Document], files: [CorpusFile] = [], skipped: [String] = [], convertedFromCP932: [String] = [],
                emptyFolders: [String] = []) {
        self.documents = documents
        self.files = files
        self.skipped = skipped
        self.convertedFromCP932 = convertedFromCP932
        self.emptyFolders = emptyFolders
    }

    public var undatedCount: Int { documents.count { $0.date == nil } }
}

/// Loads files and folders into a ``Corpus``.
public enum CorpusLoader {
    /// File endings kiji reads, and the reader for each.
    public static let supportedExtensions = ["txt", "jsonl", "ndjson", "csv"]

    /// Loads `paths` in the given order; folders load every supported file
    /// below them in sorted order. Throws ``CorpusError`` naming the file.
    /// - Parameter textLayout: the layout of every `.txt` file; nil detects it per file.
    public static func load(paths: [String], textLayout: TextLayout? = nil) throws -> Corpus {
        var documents: [Document] = []
        var files: [CorpusFile] = []
        var skipped: [String] = []
        var converted: [String] = []
        var emptyFolders: [String] = []
        var seenIDs: [String: Document] = [:]
        for path in paths {
            let inputs = try expand(path, skipped: &skipped)
            if inputs.isEmpty { emptyFolders.append(path) }
            for input in inputs {
                let (loaded, wasCP932) = try readFile(input.path, source: input.source, stem: input.stem, textLayout: textLayout)
                if wasCP932 { converted.append(input.source) }
                for document in loaded {
                    if let earlier = seenIDs[document.id] {
                        throw CorpusError(file: document.source, line: document.line,
                                          "document id '\(document.id)' is already used at \(earlier.location)",
                                          hint: "give every document a unique id (is the same file loaded twice?)")
                    }
                    seenIDs[document.id] = document
                }
                documents += loaded
                files.append(CorpusFile(path: input.source, location: input.path, documentCount: loaded.count))
            }
        }
        return Corpus(documents: documents, files: files, skipped: skipped, convertedFromCP932: converted, emptyFolders: emptyFolders)
    }

    /// Reads one file; `source` is how documents name it, and `stem`
    /// prefixes the ids of documents without their own.
    public static func loadFile(_ path: String, source: String, stem: String) throws -> [Document] {
        try readFile(path, source: source, stem: stem).documents
    }

    static func readFile(_ path: String, source: String, stem: String,
                         textLayout: TextLayout? = nil) throws -> (documents: [Document], cp932: Bool) {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw CorpusError(file: source, "cannot be read (\(error.localizedDescription))")
        }
        let ext = (path as NSString).pathExtension.lowercased()
        let (text, cp932) = try decode(data, path: source)
        switch ext {
        case "jsonl", "ndjson": return (try JSONLinesReader.read(Data(text.utf8), source: source, stem: stem), cp932)
        case "csv": return (try CSVCorpusReader.read(text, source: source, stem: stem), cp932)
        default: return (SeedTextReader.read(text, source: source, stem: stem, layout: textLayout), cp932)
        }
    }

    /// One file to read.
    struct Input {
        /// Where the file is.
        let path: String
        /// How documents name it: the path as given for a file; the folder's
        /// own name plus the relative path for a file found in a folder, so
        /// the value does not depend on where the folder lives.
        let source: String
        /// The id prefix: the file name (or relative path) without extension.
        let stem: String
    }

    /// The files a path stands for.
    static func expand(_ path: String, skipped: inout [String]) throws -> [Input] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw CorpusError(file: path, "no such file or folder")
        }
        guard isDirectory.boolValue else {
            let ext = (path as NSString).pathExtension.lowercased()
            guard supportedExtensions.contains(ext) else {
                throw CorpusError(file: path, "kiji cannot read '.\(ext)' files",
                                  hint: "use plain text (.txt), JSON Lines (.jsonl, .ndjson) or CSV (.csv)")
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

    /// Decodes UTF-8 (dropping a byte-order mark), or CP932 (Shift_JIS, as
    /// Excel on Japanese Windows saves) when the file is not UTF-8 but reads
    /// as Japanese CP932. Anything else is an error naming the line of the
    /// first bad byte.
    static func decode(_ data: Data, path: String) throws -> (text: String, cp932: Bool) {
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        if let text = String(validating: bytes, as: UTF8.self) { return (text, false) }
        if let text = String(data: data, encoding: .shiftJIS),
           text.unicodeScalars.contains(where: { (0x3040...0x30FF).contains($0.value) || (0x4E00...0x9FFF).contains($0.value) }) {
            return (text, true)
        }
        var decoder = UTF8()
        var iterator = bytes.makeIterator()
        var line = 1
        decoding: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): if scalar == "\n" { line += 1 }
            case .emptyInput: break decoding
            case .error: break decoding
            }
        }
        throw CorpusError(file: path, line: line, "is neither UTF-8 nor Japanese CP932 (Shift_JIS)",
                          hint: "convert it to UTF-8 first, e.g. iconv -f EUC-JP -t UTF-8 '\(path)' > converted.txt")
    }
}
