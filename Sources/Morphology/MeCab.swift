import CMeCab
import Foundation
import Text

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
    /// The dictionary's folder name, family, version and charset, e.g. "ipadic-utf8 (IPADIC) 102 utf-8".
    public let dictionaryDescription: String
    /// Where each token field sits in the dictionary's features.
    public let layout: FeatureLayout

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
        let layout = FeatureLayout.detect(folder: dictionary)
        self.layout = layout
        self.dictionaryDescription = "\((dictionary as NSString).lastPathComponent) (\(layout.format.displayName)) \(version) \(charset)"
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
    private var features: [String: MorphemeFeatures] = [:]

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

    /// The morphemes of `text` as written, line by line (MeCab sees one line
    /// at a time), with positions in code points of `text` and of NFKC(`text`).
    public func tokenize(_ text: String) throws -> [Token] {
        var tokens: [Token] = []
        var rawLineStart = 0, normalizedLineStart = 0  // code points before the current line
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = String(line)
            let normalizedLength = TextNormalizer.nfkc(line).unicodeScalars.count
            try tokenize(line: line, rawOffset: rawLineStart, normalizedOffset: normalizedLineStart,
                         normalizedLength: normalizedLength, into: &tokens)
            rawLineStart += line.unicodeScalars.count + 1
            normalizedLineStart += normalizedLength + 1
        }
        return tokens
    }

    /// A morpheme before its normalised position is known.
    private struct RawMorpheme {
        let surface: String
        let feature: MorphemeFeatures
        let unknown: Bool
        let start: Int  // code points from the line start, 0-based
        let length: Int
    }

    private func tokenize(line: String, rawOffset: Int, normalizedOffset: Int, normalizedLength: Int,
                          into tokens: inout [Token]) throws {
        guard !line.isEmpty else { return }
        let morphemes = try parse(line)
        let scalars = Array(line.unicodeScalars)
        var cuts: Set<Int> = []
        for morpheme in morphemes { cuts.formUnion([morpheme.start, morpheme.start + morpheme.length]) }
        let positions = NormalizedPositions(line: scalars, cuts: cuts, normalizedLength: normalizedLength, nfkc: nfkc)
        for morpheme in morphemes {
            let from = positions.offsets[morpheme.start] ?? 0
            let to = positions.offsets[morpheme.start + morpheme.length] ?? from
            tokens.append(Token(surface: nfkc(morpheme.surface), rawSurface: morpheme.surface, features: morpheme.feature,
                                unknown: morpheme.unknown, start: normalizedOffset + from + 1, length: max(0, to - from),
                                rawStart: rawOffset + morpheme.start + 1, rawLength: morpheme.length))
        }
    }

    /// MeCab's morphemes of one line, with code-point positions in it.
    private func parse(_ line: String) throws -> [RawMorpheme] {
        var line = line
        var morphemes: [RawMorpheme] = []
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
                        let unknown = stat == MECAB_UNK_NODE
                        let symbol = unknown ? UnknownSymbols.features(for: surfaceText, format: model.layout.format) : nil
                        morphemes.append(RawMorpheme(surface: surfaceText, feature: symbol ?? feature(String(cString: current.pointee.feature)),
                                                     unknown: unknown, start: scalarsBefore, length: length))
                        scanned = byteOffset + byteLength
                        scalarsBefore += length
                    }
                    node = UnsafeMutablePointer(mutating: current.pointee.next)
                }
            }
        }
        return morphemes
    }

    private func feature(_ text: String) -> MorphemeFeatures {
        if let cached = features[text] { return cached }
        let parsed = model.layout.parse(text)
        features[text] = parsed
        return parsed
    }

    /// NFKC of a surface or gap. Not cached: ICU's quick check passes most
    /// pieces unchanged faster than Swift can hash a Japanese string.
    private func nfkc(_ text: String) -> String {
        TextNormalizer.nfkc(text)
    }
}
