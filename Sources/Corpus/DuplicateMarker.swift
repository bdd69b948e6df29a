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
        var firstWithText: [String: String] = [:]
        return documents.map { document in
            let key = comparableText(document.text)
            let duplicateOf = firstWithText[key]
            if duplicateOf == nil { firstWithText[key] = document.id }
            let boilerplate = documentsPerFile[document.source, default: 0] > 1 && isPageDescription(document)
            guard duplicateOf != nil || boilerplate else { return document }
            return Document(document, duplicateOf: duplicateOf, isBoilerplate: boilerplate)
        }
    }

    /// The text two documents must share to be duplicates.
    static func comparableText(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    static func isPageDescription(_ document: Document) -> Bool {
        guard document.date == nil else { return false }
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
