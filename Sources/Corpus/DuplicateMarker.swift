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

    /// `documents` (in corpus order) with their marks set.
    public static func mark(_ documents: [Document]) -> [Document] {
        var documentsPerFile: [String: Int] = [:]
        for document in documents { documentsPerFile[document.source, default: 0] += 1 }
        // First documents by the hash of their comparable text; equal hashes
        // are compared in full. Keys are not copies, so memory stays flat.
        var firstWithHash: [UInt64: [Document]] = [:]
        return documents.map { document in
            // The comparable form is built only when the hash matches.
            let hash = comparableHash(document.textBytes)
            var duplicateOf: String?
            if let candidates = firstWithHash[hash] {
                // Copies are usually byte for byte the same; the comparable forms settle the rest.
                // A bucket's documents differ in comparable form, so at most one can match.
                duplicateOf = candidates.first { $0.textBytes == document.textBytes }?.id
                if duplicateOf == nil {
                    let comparable = comparableBytes(document.textBytes)
                    duplicateOf = candidates.first { comparableBytes($0.textBytes) == comparable }?.id
                }
            }
            if duplicateOf == nil { firstWithHash[hash, default: []].append(document) }
            let boilerplate = documentsPerFile[document.source, default: 0] > 1 && isPageDescription(document)
            guard duplicateOf != nil || boilerplate else { return document }
            return Document(document, duplicateOf: duplicateOf, isBoilerplate: boilerplate)
        }
    }

    /// The bytes two documents must share to be duplicates: the UTF-8 of
    /// the normalised text with runs of white space made one space and the
    /// ends trimmed (NFKC has already made U+3000 and U+00A0 spaces).
    static func comparableBytes(_ text: [UInt8]) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(text.count)
        forEachComparableByte(of: text) { result.append($0) }
        return result
    }

    /// FNV-1a of ``comparableBytes(_:)``: the same on every run and machine.
    static func comparableHash(_ text: [UInt8]) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        forEachComparableByte(of: text) { hash = (hash ^ UInt64($0)) &* 0x100_0000_01B3 }
        return hash
    }

    @inline(__always)
    private static func forEachComparableByte(of text: [UInt8], _ body: (UInt8) -> Void) {
        text.withUnsafeBufferPointer { bytes in
            var index = 0
            var started = false
            var pendingSpace = false
            while index < bytes.count {
                let width = whitespaceWidth(bytes, at: index)
                if width > 0 {
                    index += width
                    pendingSpace = started
                    continue
                }
                if pendingSpace {
                    body(0x20)
                    pendingSpace = false
                }
                body(bytes[index])
                started = true
                index += 1
            }
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
        // Far more bytes than 100 characters and their spaces: not a page description.
        guard document.date == nil, document.textBytes.count <= 4096 else { return false }
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
