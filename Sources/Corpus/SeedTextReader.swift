import Text

/// The layouts a plain-text file can have.
public enum TextLayout: String, Sendable, CaseIterable {
    /// Items of a title line, a summary and an optional date line
    /// `YYYY/MM/DD [author[, author…]]`, separated by blank lines.
    case listing
    /// One summary paragraph per line, without titles or date lines.
    case summaries
    /// One blog-style article: the first line is its title.
    case article
}

/// Reads kiji's plain-text formats (the bundled `seeds/`).
public enum SeedTextReader {
    /// A line of the file with its 1-based number.
    struct Line {
        let number: Int
        let text: String
        var isBlank: Bool { text.allSatisfy(\.isWhitespace) }
    }

    /// The layout of `text`: a listing when two or more lines are date lines,
    /// or when its one date line closes a listing item (a one-line title
    /// paragraph, then a summary paragraph ending in the date line); a list
    /// of summaries when most lines are long sentences with no blank lines
    /// between them; otherwise a single article (whose one date line, if it
    /// has one, is its stated date).
    public static func detectLayout(_ text: String) -> TextLayout {
        let lines = splitLines(text)
        let dateLines = lines.filter { dateLine($0.text) != nil }.count
        if dateLines >= 2 { return .listing }
        if dateLines == 1 {
            let blocks = paragraphs(lines)
            let closesItem = blocks.indices.contains { index in
                index > 0 && blocks[index].count >= 2 && dateLine(blocks[index].last!.text) != nil && blocks[index - 1].count == 1
            }
            return closesItem ? .listing : .article
        }
        let content = lines.filter { !$0.isBlank }
        let hasBlankBetween = lines.drop(while: \.isBlank).reversed().drop(while: \.isBlank).contains(where: \.isBlank)
        let summaryLike = content.filter { line in
            let trimmed = line.text.trimmingWhitespace
            return trimmed.unicodeScalars.count >= 60 && sentenceEnders.contains(trimmed.last!)
        }
        if content.count >= 3, !hasBlankBetween, summaryLike.count * 3 >= content.count * 2 { return .summaries }
        return .article
    }

    /// Reads the documents of a text file. `stem` prefixes their ids;
    /// `layout` overrides the detected layout.
    public static func read(_ text: String, source: String, stem: String, layout: TextLayout? = nil) -> [Document] {
        let text = text.replacingCRLF
        switch layout ?? detectLayout(text) {
        case .listing: return readListing(text, source: source, stem: stem)
        case .summaries: return readSummaries(text, source: source, stem: stem)
        case .article: return readArticle(text, source: source, stem: stem)
        }
    }

    // MARK: layouts

    static func readListing(_ text: String, source: String, stem: String) -> [Document] {
        var items: [ListingItem] = []
        var pending: ListingItem?
        for paragraph in paragraphs(splitLines(text)) {
            var lines = paragraph
            if lines.count == 1, let stated = dateLine(lines[0].text) {
                // A date line standing alone belongs to the item before it.
                if pending == nil, let last = items.last, last.date == nil {
                    items[items.count - 1].date = stated
                    continue
                }
            }
            var stated: StatedDate?
            if lines.count >= 2, let date = dateLine(lines.last!.text) {
                stated = date
                lines.removeLast()
            }
            if var item = pending {
                item.body = lines
                item.date = stated
                items.append(item)
                pending = nil
            } else if lines.count == 1 && stated == nil {
                pending = ListingItem(title: lines[0], body: [], date: nil)
            } else {
                items.append(ListingItem(title: lines[0], body: Array(lines.dropFirst()), date: stated))
            }
        }
        if let pending { items.append(pending) }
        return items.enumerated().map { index, item in
            makeDocument(id: "\(stem)#\(index + 1)", source: source, line: item.title.number,
                         title: item.title.text.trimmingWhitespace,
                         body: item.body.map(\.text).joined(separator: "\n"),
                         stated: item.date)
        }
    }

    static func readSummaries(_ text: String, source: String, stem: String) -> [Document] {
        splitLines(text).filter { !$0.isBlank }.enumerated().map { index, line in
            makeDocument(id: "\(stem)#\(index + 1)", source: source, line: line.number,
                         title: "", body: line.text.trimmingWhitespace, stated: nil)
        }
    }

    static func readArticle(_ text: String, source: String, stem: String) -> [Document] {
        var lines = splitLines(text)
        // A date line in an article states its date and authors; it is metadata, like a listing's.
        var stated: StatedDate?
        if let index = lines.firstIndex(where: { dateLine($0.text) != nil }) {
            stated = dateLine(lines[index].text)
            lines.remove(at: index)
        }
        guard let titleIndex = articleTitleIndex(lines) else { return [] }
        // Site chrome above the title stays in the body, first, so nothing is dropped.
        let chrome = lines[..<titleIndex].filter { !$0.isBlank }
        let rest = lines[(titleIndex + 1)...].drop(while: \.isBlank).reversed().drop(while: \.isBlank).reversed()
        return [makeDocument(id: stem, source: source, line: lines[titleIndex].number,
                             title: lines[titleIndex].text.trimmingWhitespace,
                             body: (chrome + rest).map(\.text).joined(separator: "\n"), stated: stated)]
    }

    /// The first non-empty line, except that short ASCII-only lines (site
    /// navigation such as "Menu opener") above the first Japanese line of a
    /// Japanese article are skipped.
    static func articleTitleIndex(_ lines: [Line]) -> Int? {
        let content = lines.indices.filter { !lines[$0].isBlank }
        guard let first = content.first else { return nil }
        let isJapanese = { (line: Line) in line.text.unicodeScalars.contains { $0.value >= 0x3040 && $0.value <= 0x9FFF } }
        for index in content.prefix(4) {
            if isJapanese(lines[index]) { return index }
            guard lines[index].text.allSatisfy(\.isASCII), lines[index].text.count <= 40 else { return first }
        }
        return first
    }

    // MARK: pieces

    struct ListingItem {
        var title: Line
        var body: [Line]
        var date: StatedDate?
    }

    struct StatedDate: Equatable {
        let date: CalendarDate
        let authors: [String]
    }

    static func makeDocument(id: String, source: String, line: Int, title: String, body: String,
                             stated: StatedDate?) -> Document {
        Document(id: id, source: source, line: line, title: title, body: body,
                 date: stated?.date, authors: stated?.authors ?? [])
    }

    /// Parses `YYYY/MM/DD [author[, author…]]`; nil for any other line.
    static func dateLine(_ raw: String) -> StatedDate? {
        // A date line is short (a date and at most 80 characters of authors);
        // rejecting long lines first spares normalising huge ones, twice.
        guard raw.utf8.count <= 512 else { return nil }
        let line = TextNormalizer.nfkc(raw).trimmingWhitespace
        let head = line.prefix(while: { !$0.isWhitespace })
        let parts = head.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, (1...2).contains(parts[1].count), (1...2).contains(parts[2].count),
              parts.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }),
              let date = CalendarDate(year: Int(parts[0])!, month: Int(parts[1])!, day: Int(parts[2])!) else { return nil }
        let rest = line.dropFirst(head.count).trimmingWhitespace
        // An author list is short and is not a sentence.
        guard rest.count <= 80, !rest.contains("。") else { return nil }
        let authors = rest.split(whereSeparator: { ",、，;；".contains($0) })
            .map { String($0).trimmingWhitespace }.filter { !$0.isEmpty }
        return StatedDate(date: date, authors: authors)
    }

    static func splitLines(_ text: String) -> [Line] {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().map {
            Line(number: $0.offset + 1, text: String($0.element))
        }
        if lines.last?.text.isEmpty == true { lines.removeLast() }
        return lines
    }

    static func paragraphs(_ lines: [Line]) -> [[Line]] {
        var result: [[Line]] = []
        var current: [Line] = []
        for line in lines {
            if line.isBlank {
                if !current.isEmpty { result.append(current); current = [] }
            } else {
                current.append(line)
            }
        }
        if !current.isEmpty { result.append(current) }
        return result
    }

    static let sentenceEnders: Set<Character> = ["。", "！", "？", "!", "?", "」", "』", "）", ")", "."]
}

extension StringProtocol {
    var trimmingWhitespace: String { UnicodeText.trimmed(String(self)) }

    /// CRLF and lone CR line ends become LF. ("\r\n" is one Character in
    /// Swift, so splitting on "\n" alone would miss it.)
    var replacingCRLF: String {
        guard utf8.contains(13) else { return String(self) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count)
        var previousWasCR = false
        for byte in utf8 {
            if byte == 10 && previousWasCR { previousWasCR = false; continue }
            previousWasCR = byte == 13
            bytes.append(byte == 13 ? 10 : byte)
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
