import Foundation
import Testing
import TestSupport
@testable import Corpus

@Suite struct DuplicateMarkerTests {
    func document(_ id: String, _ body: String, title: String = "", source: String = "list.txt") -> Document {
        Document(id: id, source: source, line: 1, title: title, body: body, date: nil)
    }

    @Test func duplicatesNameTheFirstDocumentWithTheSameNormalisedText() {
        let marked = DuplicateMarker.mark([
            document("a", "日米同盟の強化で一致した。"),
            document("b", " 日米同盟の強化で一致した。\n"),          // white space at the ends
            document("g", "日米同盟の\n\n強化で一致した。"),
            document("c", "ＮＡＴＯ首脳会議が開かれた。", source: "other.jsonl"),
            document("d", "NATO首脳会議が開かれた。"),                // NFKC makes them equal
            document("e", "日米同盟の強化で一致した。", title: "見出し"),  // the title is part of the text
            document("f", "日米同盟の強化で一致した。"),
            document("h", "日米同盟の 強化で一致した。"),                // runs of white space are one space
        ])
        #expect(marked.map(\.duplicateOf) == [nil, "a", nil, nil, "c", nil, "a", "g"])
        #expect(marked.allSatisfy { !$0.isBoilerplate })
    }

    @Test(arguments: [
        ("本ページでは「日米同盟」をテーマとした記事を一覧で掲載しています。", true),
        ("このサイトでは防衛政策の最新ニュースをお届けします。", true),
        ("当特集では米中関係の動きを追います", true),
        ("「尖閣」に関する記事一覧", true),
        ("日本サイトの運営会社が防衛省と契約した。", false),     // 本サイト inside a word
        ("政府は新しいページを公開した。", false),                 // about a page, not this page
        ("本ページでは記事を掲載しています。防衛省は22日、新たな方針を示した。", false),  // two sentences
        ("本ページでは" + String(repeating: "長い説明", count: 30), false),  // longer than 100 characters
    ])
    func pageDescriptions(text: String, isBoilerplate: Bool) {
        let marked = DuplicateMarker.mark([document("x", "中国が反発した。"), document("p", text)])
        #expect(marked[1].isBoilerplate == isBoilerplate)
    }

    @Test func boilerplateNeedsAListingAndNoDate() {
        let line = "本ページでは「日米同盟」をテーマとした記事を一覧で掲載しています。"
        #expect(DuplicateMarker.mark([document("alone", line)])[0].isBoilerplate == false)
        let dated = Document(id: "d", source: "list.txt", line: 2, title: "", body: line,
                             date: CalendarDate(year: 2025, month: 1, day: 31))
        #expect(DuplicateMarker.mark([document("x", "中国が反発した。"), dated])[1].isBoilerplate == false)
    }

    @Test func theSeedsListingHasOneRepeatedSummaryAndOnePageDescription() throws {
        let corpus = try CorpusLoader.load(paths: [seedsDirectory])
        let stem = "004_4571d0cf1c5e72c9"
        #expect(corpus.documents.filter { $0.duplicateOf != nil }.map { "\($0.id) = \($0.duplicateOf!)" } == ["\(stem)#4 = \(stem)#2"])
        #expect(corpus.documents.filter(\.isBoilerplate).map(\.id) == ["\(stem)#3"])
        let deduplicated = corpus.deduplicated()
        #expect(deduplicated.documents.count == 39)
        #expect(deduplicated.documents.contains { $0.id == "\(stem)#2" })
        #expect((deduplicated.droppedDuplicates, deduplicated.droppedBoilerplate) == (1, 1))
        #expect(deduplicated.wasDeduplicated && !corpus.wasDeduplicated)
        #expect(corpus.documents.count == 41)
    }
}
