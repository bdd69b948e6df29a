import CMeCab
import Foundation

/// One morpheme as MeCab (with IPADIC) sees it.
public struct Token: Equatable, Sendable {
    public let surface: String
    /// The dictionary form (原形); the surface when the dictionary has none.
    public let base: String
    /// The top-level part of speech, e.g. 名詞.
    public let pos: String
    /// The sub-categories that are set, joined by commas, e.g. 固有名詞,人名,姓.
    public let posDetail: String
    /// The reading in katakana, or "" for unknown words.
    public let reading: String
    /// Position of the first character in the tokenised text, 1-based, in code points.
    public let start: Int
    /// Length in code points.
    public let length: Int
}

/// MeCab could not start or could not parse.
public struct MeCabError: Error, CustomStringConvertible, Sendable {
    public let description: String
    public init(_ description: String) { self.description = description }
}

/// A loaded MeCab dictionary. Thread-safe: share one model, and give each
/// worker its own ``MeCabTagger``.
public final class MeCabModel: @unchecked Sendable {
    let model: OpaquePointer
    /// The dictionary folder in use.
    public let dictionaryPath: String
    /// The dictionary's version and charset, e.g. "ipadic 102 utf-8".
    public let dictionaryDescription: String

    public init(dictionary: String) throws {
        guard FileManager.default.fileExists(atPath: dictionary + "/sys.dic") else {
            throw MeCabError("\(dictionary) is not a MeCab dictionary (it has no sys.dic)")
        }
        guard let model = mecab_model_new2("-d \(Self.quoted(dictionary))") else {
            throw MeCabError("MeCab cannot load the dictionary \(dictionary): \(String(cString: mecab_strerror(nil)))")
        }
        self.model = model
        self.dictionaryPath = dictionary
        var charset = ""
        var version = 0
        if let info = mecab_model_dictionary_info(model) {
            charset = String(cString: info.pointee.charset)
            version = Int(info.pointee.version)
        }
        self.dictionaryDescription = "\((dictionary as NSString).lastPathComponent) \(version) \(charset)"
        guard charset.lowercased().replacingOccurrences(of: "-", with: "") == "utf8" else {
            mecab_model_destroy(model)
            throw MeCabError("the MeCab dictionary \(dictionary) is encoded in \(charset), not UTF-8; install mecab-ipadic-utf8 and use its folder")
        }
    }

    deinit { mecab_model_destroy(model) }

    private static func quoted(_ path: String) -> String {
        path.contains(" ") ? "\"\(path)\"" : path
    }
}

/// Tokenises text with one lattice; not thread-safe (one per worker).
public final class MeCabTagger {
    private let model: MeCabModel
    private let tagger: OpaquePointer
    private let lattice: OpaquePointer
    /// Parsed feature strings: a corpus has a few tens of thousands of
    /// distinct ones behind millions of tokens.
    private var features: [String: Feature] = [:]

    struct Feature {
        let base: String
        let pos: String
        let posDetail: String
        let reading: String
    }

    public init(model: MeCabModel) throws {
        guard let tagger = mecab_model_new_tagger(model.model) else { throw MeCabError("MeCab cannot create a tagger") }
        guard let lattice = mecab_model_new_lattice(model.model) else {
            mecab_destroy(tagger)
            throw MeCabError("MeCab cannot create a lattice")
        }
        self.model = model
        self.tagger = tagger
        self.lattice = lattice
    }

    deinit {
        mecab_lattice_destroy(lattice)
        mecab_destroy(tagger)
    }

    /// The morphemes of `text`, line by line (MeCab sees one line at a time),
    /// with positions in code points of `text`.
    public func tokenize(_ text: String) throws -> [Token] {
        var tokens: [Token] = []
        var lineStart = 0  // code points before the current line
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            try tokenize(line: String(line), offset: lineStart, into: &tokens)
            lineStart += line.unicodeScalars.count + 1
        }
        return tokens
    }

    private func tokenize(line: String, offset: Int, into tokens: inout [Token]) throws {
        guard !line.isEmpty else { return }
        var line = line
        try line.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return }
            try base.withMemoryRebound(to: CChar.self, capacity: bytes.count) { chars in
                mecab_lattice_set_sentence2(lattice, chars, bytes.count)
                guard mecab_parse_lattice(tagger, lattice) != 0 else {
                    throw MeCabError("MeCab failed: \(String(cString: mecab_lattice_strerror(lattice)))")
                }
                // Surfaces point into `bytes` and are not NUL-terminated: read them by length.
                var scanned = 0
                var scalarsBefore = 0
                var node = mecab_lattice_get_bos_node(lattice)
                while let current = node {
                    let stat = Int32(current.pointee.stat)
                    if stat == MECAB_NOR_NODE || stat == MECAB_UNK_NODE, let surface = current.pointee.surface {
                        let byteOffset = UnsafeRawPointer(surface) - UnsafeRawPointer(chars)
                        let byteLength = Int(current.pointee.length)
                        for index in scanned..<byteOffset where bytes[index] & 0xC0 != 0x80 { scalarsBefore += 1 }
                        let surfaceBytes = UnsafeBufferPointer(rebasing: bytes[byteOffset..<(byteOffset + byteLength)])
                        let surfaceText = String(decoding: surfaceBytes, as: UTF8.self)
                        let length = surfaceText.unicodeScalars.count
                        let feature = self.feature(String(cString: current.pointee.feature))
                        tokens.append(Token(surface: surfaceText, base: feature.base.isEmpty ? surfaceText : feature.base,
                                            pos: feature.pos, posDetail: feature.posDetail, reading: feature.reading,
                                            start: offset + scalarsBefore + 1, length: length))
                        scanned = byteOffset + byteLength
                        scalarsBefore += length
                    }
                    node = UnsafeMutablePointer(mutating: current.pointee.next)
                }
            }
        }
    }

    /// IPADIC features: 品詞,細分類1,細分類2,細分類3,活用型,活用形,原形,読み,発音.
    /// An empty base means "the surface" (unknown words).
    private func feature(_ text: String) -> Feature {
        if let cached = features[text] { return cached }
        let fields = text.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        let field = { (index: Int) -> String in index < fields.count && fields[index] != "*" ? fields[index] : "" }
        let parsed = Feature(base: field(6), pos: field(0), posDetail: (1...3).map(field).filter { !$0.isEmpty }.joined(separator: ","),
                             reading: field(7))
        features[text] = parsed
        return parsed
    }
}
