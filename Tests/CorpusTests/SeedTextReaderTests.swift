import Foundation
import Testing
import TestSupport
@testable import Corpus

/// The repository's bundled seeds/ folder.
let seedsDirectory = repositoryRoot.appendingPathComponent("seeds").path

func readSeed(_ name: String) throws -> [Document] {
    try CorpusLoader.loadFile("\(seedsDirectory)/\(name)", source: name, stem: String(name.prefix(3)))
}

@Suite struct SeedLayoutTests {
    @Test(arguments: [
        ("000_43a05b1cc0bfe584.txt", TextLayout.listing, 20),
        ("001_085922098f503051.txt", .article, 1),
        ("002_5628a22b0ea864a7.txt", .article, 1),
        ("003_ff9b70771ec41668.txt", .article, 1),
        ("004_4571d0cf1c5e72c9.txt", .summaries, 18),
    ])
    func detectsLayoutAndCountsDocuments(file: String, layout: TextLayout, documents: Int) throws {
        let text = try String(contentsOfFile: "\(seedsDirectory)/\(file)", encoding: .utf8)
        #expect(SeedTextReader.detectLayout(text) == layout)
        #expect(try readSeed(file).count == documents)
    }

    @Test func listingItemsKeepTitleSummaryDateAndAuthors() throws {
        let docs = try readSeed("000_43a05b1cc0bfe584.txt")
        #expect(docs[0].id == "000#1")
        #expect(docs[0].title == "中国の軍事的脅威 日本など同盟国との連携強化を強調 ヘグセス米国防長官")
        #expect(docs[0].body.hasPrefix("ヘグセス米国防長官は13日、NATO国防相会合後の記者会見で"))
        #expect(docs[0].date?.description == "2025-02-14")
        #expect(docs[0].dateOrigin == .stated)
        #expect(docs[0].authors == ["出光 泰三"])
        #expect(docs[0].line == 1)
        #expect(docs[7].authors == ["Rick Fisher"])
        #expect(docs[9].authors == ["呈工", "寧芯"])
        #expect(docs[8].date?.description == "2024-12-11")
        #expect(docs[8].authors == [])
        #expect(docs[16].date?.description == "2024-04-19")
        #expect(docs[16].authors == ["趙鳳華"])
        #expect(docs[19].date?.description == "2023-11-16")
    }

    @Test func listingItemsWithoutDateLineAreUndated() throws {
        let docs = try readSeed("000_43a05b1cc0bfe584.txt")
        let undated = docs.filter { $0.date == nil }.map(\.id)
        #expect(undated == ["000#15", "000#16", "000#18", "000#19"])
        #expect(docs[14].title.hasPrefix("日米同盟深化は不可欠"))
        #expect(docs[14].line == 71)
    }

    @Test func articlesTakeTheFirstFullDateInTheirText() throws {
        let first = try readSeed("001_085922098f503051.txt")[0]
        #expect(first.title.hasPrefix("日米同盟強化は?中谷防衛大臣"))
        #expect(first.body.hasPrefix("Find Go Logo Menu opener\n2025年1月"))
        #expect(first.date?.description == "2025-01-31")
        #expect(first.dateOrigin == .text)
        #expect(try readSeed("002_5628a22b0ea864a7.txt")[0].date?.description == "2025-01-31")
        let third = try readSeed("003_ff9b70771ec41668.txt")[0]
        #expect(third.date == nil && third.dateOrigin == nil)
        #expect(third.title == "トランプ大統領が石破茂総理のアジア版NATO提案を拒否!")
    }

    @Test func summariesAreOneDocumentPerLine() throws {
        let docs = try readSeed("004_4571d0cf1c5e72c9.txt")
        #expect(docs.map(\.line) == Array(1...18))
        #expect(docs.allSatisfy { $0.title.isEmpty })
        let dated = docs.filter { $0.date != nil }.map { "\($0.id)=\($0.date!)" }
        #expect(dated == ["004#8=2025-10-27", "004#11=2025-10-27", "004#18=2025-10-10"])
        #expect(docs.allSatisfy { $0.date == nil || $0.dateOrigin == .text })
    }

    @Test func nothingIsDropped() throws {
        // Every non-blank line of every seed appears in some document's text.
        for file in try FileManager.default.contentsOfDirectory(atPath: seedsDirectory) {
            let text = try String(contentsOfFile: "\(seedsDirectory)/\(file)", encoding: .utf8)
            let docs = try readSeed(file)
            let stated = Set(docs.compactMap { $0.dateOrigin == .stated ? $0.date : nil })
            for line in text.split(separator: "\n") where !line.allSatisfy(\.isWhitespace) {
                let trimmed = line.trimmingCharacters(in: .whitespaces)
                let inText = docs.contains { $0.rawText.contains(trimmed) }
                let isDateLine = SeedTextReader.dateLine(String(line)).map { stated.contains($0.date) } ?? false
                #expect(inText || isDateLine, "\(file): lost line \(trimmed.prefix(30))")
            }
        }
    }
}

@Suite struct SeedTextFormatTests {
    func read(_ text: String) -> [Document] { SeedTextReader.read(text, source: "t.txt", stem: "t") }

    @Test func listingWithCRLFAndDateParagraph() {
        let docs = read("見出しA\r\n\r\n要約A。\r\n2025/03/01 山田 太郎、Jane Doe\r\n\r\n見出しB\r\n\r\n要約B。\r\n\r\n2025/03/02\r\n")
        #expect(docs.count == 2)
        #expect(docs[0].authors == ["山田 太郎", "Jane Doe"])
        #expect(docs[0].body == "要約A。")
        #expect(docs[1].date?.description == "2025-03-02")  // a date paragraph attaches to the item before it
    }

    @Test func fullWidthDateLine() {
        let docs = read("見出し\n\n要約。\n２０２５/０１/３１ 記者\n")
        #expect(docs[0].date?.description == "2025-01-31")
        #expect(docs[0].authors == ["記者"])
    }

    @Test func titleWithoutSummaryStillCounts() {
        let docs = read("見出しA\n\n要約A。\n2025/03/01\n\n見出しだけ\n")
        #expect(docs.map(\.title) == ["見出しA", "見出しだけ"])
        #expect(docs[1].body == "")
    }

    @Test func singleItemListing() {
        let docs = read("見出し\n\n要約の一文。\n2025/03/01 記者A\n")
        #expect(docs.count == 1)
        #expect(docs[0].title == "見出し")
        #expect(docs[0].date?.description == "2025-03-01")
        #expect(docs[0].authors == ["記者A"])
    }

    @Test func anArticleWithOneDateLineTakesItAsItsStatedDate() {
        let text = "記事の見出し\n2025/02/14 山田 花子\n\n第一段落。\n\n第二段落。\n\n第三段落には 2020年1月1日 とある。\n"
        #expect(SeedTextReader.detectLayout(text) == .article)
        let docs = read(text)
        #expect(docs.count == 1)
        #expect(docs[0].title == "記事の見出し")
        #expect(docs[0].date?.description == "2025-02-14")
        #expect(docs[0].dateOrigin == .stated)
        #expect(docs[0].authors == ["山田 花子"])
        #expect(docs[0].body == "第一段落。\n\n第二段落。\n\n第三段落には 2020年1月1日 とある。")
    }

    @Test func emptyAndBlankFilesHaveNoDocuments() {
        #expect(read("").isEmpty)
        #expect(read("\n  \n").isEmpty)
    }

    @Test func sentenceAfterADateIsNotADateLine() {
        #expect(SeedTextReader.dateLine("2025/01/31 政府は防衛費を増やすと発表した。") == nil)
        #expect(SeedTextReader.dateLine("2025/02/30 記者") == nil)
        #expect(SeedTextReader.dateLine("2025/02/14") != nil)
    }
}
