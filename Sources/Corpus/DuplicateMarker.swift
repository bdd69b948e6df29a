import Text

/// Marks what a scraped listing repeats or adds around its articles:
///
/// - **Duplicates**: documents whose normalised text (NFKC of title and body,
///   with runs of whitespace made one space and the ends trimmed) equals that
///   of an earlier document in the corpus. Each names the first one.
/// - **Page boilerplate**: a listing page's description of itself, such as
///   本ページでは「…」をテーマとした記事を一覧で掲載しています. A document is
///   boilerplate when its file holds more than one document (a listing, not
///   an article), it has no date, its text is at most one short sentence
///   (`boilerplateMaxCharacters`), and it speaks about the page: it opens by
///   naming the page or site itself (本, この, 当 or こちらの before ページ,
///   サイト or 特集) or says that the page lists articles (記事 with 一覧 or
///   掲載).
public enum DuplicateMarker {
    /// The longest text (in characters) a page description can have.
    public static let boilerplateMaxCharacters = 100
    /// Far more bytes than `boilerplateMaxCharacters` characters and their spaces.
    static let pageDescriptionMaxBytes = 4096

    /// `documents` (in corpus order) with their marks set.
    public static func mark(_ documents: [Document]) -> [Document] {
        var duplicates = Duplicates()
        let marked = documents.map { document in
            let duplicateOf = duplicates.firstCopy(of: document)
            if duplicateOf == nil { duplicates.remember(document) }
            return duplicateOf.map { Document(document, duplicateOf: $0, isBoilerplate: false) } ?? document
        }
        return markBoilerplate(marked)
    }

    /// `documents` (in corpus order, duplicates marked) with page boilerplate marked.
    static func markBoilerplate(_ documents: [Document]) -> [Document] {
        var documentsPerFile: [String: Int] = [:]
        for document in documents { documentsPerFile[document.source, default: 0] += 1 }
        return documents.map { document in
            guard documentsPerFile[document.source, default: 0] > 1, isPageDescription(document) else { return document }
            return Document(document, duplicateOf: document.duplicateOf, isBoilerplate: true)
        }
    }

    /// The first documents of a corpus by the hash of their comparable
    /// text, met in corpus order; equal hashes are compared in full.
    struct Duplicates {
        /// The texts of first documents that were deferred are read again
        /// when a later document's hash matches; up to this many bytes of
        /// them are kept, since a corpus with copies usually has several.
        static let keptTextBudget = 32 << 20

        /// One document per hash; the rare further ones with the same hash
        /// (different comparable texts) wait in `collisions`, which keeps
        /// the common case to one dictionary entry per document.
        private var firstWithHash: [UInt64: Document] = [:]
        private var collisions: [UInt64: [Document]] = [:]
        private var keptTexts: [ObjectIdentifier: [UInt8]] = [:]
        private var keptBytes = 0

        /// The id of the first document whose comparable text equals
        /// `document`'s, or nil when it is the first. `document` should have
        /// its text in memory; earlier documents may be deferred.
        mutating func firstCopy(of document: Document) -> String? {
            guard let first = firstWithHash[document.comparableHash] else { return nil }
            let candidates = [first] + collisions[document.comparableHash, default: []]
            // Copies are usually byte for byte the same; the comparable forms settle the rest.
            // A bucket's documents differ in comparable form, so at most one can match.
            let text = document.textBytes
            let texts = candidates.map { self.text(of: $0) }
            if let index = texts.firstIndex(of: text) { return candidates[index].id }
            let comparable = comparableBytes(text)
            return zip(candidates, texts).first { comparableBytes($0.1) == comparable }?.0.id
        }

        /// Remembers a document that is the first of its text.
        mutating func remember(_ document: Document) {
            if firstWithHash[document.comparableHash] == nil {
                firstWithHash[document.comparableHash] = document
            } else {
                collisions[document.comparableHash, default: []].append(document)
            }
        }

        private mutating func text(of candidate: Document) -> [UInt8] {
            guard candidate.isDeferred else { return candidate.textBytes }
            if let kept = keptTexts[ObjectIdentifier(candidate)] { return kept }
            let text = candidate.textBytes
            if keptBytes + text.count <= Self.keptTextBudget {
                keptTexts[ObjectIdentifier(candidate)] = text
                keptBytes += text.count
            }
            return text
        }
    }

    /// The bytes two documents must share to be duplicates: the UTF-8 of
    /// the normalised text with runs of white space made one space and the
    /// ends trimmed (NFKC has already made U+3000 and U+00A0 spaces).
    static func comparableBytes(_ text: [UInt8]) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(text.count)
        forEachComparableRun(of: text) { run in
            if !result.isEmpty { result.append(0x20) }
            result.append(contentsOf: run)
        }
        return result
    }

    /// A hash of ``comparableBytes(_:)``, the same on every run: the runs
    /// between its spaces are mixed in eight bytes at a time, each after its
    /// length, so equal comparable texts give equal hashes.
    static func comparableHash(_ text: [UInt8]) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        @inline(__always) func mix(_ word: UInt64) {
            hash = (hash ^ word) &* 0x9E37_79B9_7F4A_7C15
            hash ^= hash >> 32
        }
        forEachComparableRun(of: text) { run in
            mix(UInt64(run.count) | 1 << 63)
            guard let base = run.baseAddress.map(UnsafeRawPointer.init) else { return }  // runs are never empty
            var index = 0
            while index + 8 <= run.count {
                mix(UInt64(littleEndian: base.loadUnaligned(fromByteOffset: index, as: UInt64.self)))
                index += 8
            }
            var tail: UInt64 = 0
            for (shift, byte) in run[index...].enumerated() { tail |= UInt64(byte) << (8 * shift) }
            mix(tail)
        }
        return hash
    }

    /// Calls `body` with each run of bytes between white space, in order.
    @inline(__always)
    private static func forEachComparableRun(of text: [UInt8], _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        text.withUnsafeBufferPointer { bytes in
            var index = 0
            var runStart = 0
            while index < bytes.count {
                // Most bytes cannot start white space: a quick test before the full one.
                let byte = bytes[index]
                if byte > 0x20 && byte != 0xC2 && byte != 0xE2 {
                    index += 1
                    continue
                }
                let width = whitespaceWidth(bytes, at: index)
                if width == 0 {
                    index += 1
                    continue
                }
                if runStart < index { body(UnsafeBufferPointer(rebasing: bytes[runStart..<index])) }
                index += width
                runStart = index
            }
            if runStart < bytes.count { body(UnsafeBufferPointer(rebasing: bytes[runStart...])) }
        }
    }

    /// The length of the white-space character at `index`, or 0.
    private static func whitespaceWidth(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        switch bytes[index] {
        case 0x09...0x0D, 0x20: return 1
        case 0xC2 where index + 1 < bytes.count && bytes[index + 1] == 0x85: return 2          // U+0085
        case 0xE2 where index + 2 < bytes.count && bytes[index + 1] == 0x80 && (0xA8...0xA9).contains(bytes[index + 2]):
            return 3                                                                               // U+2028, U+2029
        default: return 0
        }
    }

    static func isPageDescription(_ document: Document) -> Bool {
        // Deferred documents are all dated or longer (see CorpusLoader.keepsText),
        // so their text is never read here.
        guard document.date == nil, !document.isDeferred, document.textBytes.count <= pageDescriptionMaxBytes else { return false }
        let text = UnicodeText.trimmed(document.text)
        guard text.count <= boilerplateMaxCharacters else { return false }
        // One sentence at most: no sentence end before the last character.
        guard !text.dropLast().contains(where: { "。！？!?".contains($0) }) else { return false }
        let namesThePage = selfReferences.contains { reference in
            pageWords.contains { text.hasPrefix(reference + $0) }
        }
        let listsArticles = text.contains("記事") && (text.contains("一覧") || text.contains("掲載"))
        return namesThePage || listsArticles
    }

    private static let selfReferences = ["本", "この", "当", "こちらの"]
    private static let pageWords = ["ページ", "サイト", "特集"]
}
