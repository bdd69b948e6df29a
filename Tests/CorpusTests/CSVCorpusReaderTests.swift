import Foundation
import Testing
import TestSupport
@testable import Corpus

@Suite struct CSVCorpusReaderTests {
    func read(_ text: String) throws -> [Document] {
        try CSVCorpusReader.read(text, source: "news.csv", stem: "news")
    }

    @Test func mapsColumnsLikeJSONLines() throws {
        let docs = try read("""
            ID,Date,Title,Body,Authors,Section
            a1,2025-01-31,"日米, 会談","本文の
            二行目",記者A; 記者B,政治
            ,,,本文だけ 2024年5月1日,,

            """)
        #expect(docs.count == 2)
        #expect(docs[0].id == "a1")
        #expect(docs[0].title == "日米, 会談")
        #expect(docs[0].body == "本文の\n二行目")
        #expect(docs[0].date?.description == "2025-01-31")
        #expect(docs[0].authors == ["記者A", "記者B"])
        #expect(docs[0].meta == ["section": .string("政治")])
        #expect(docs[1].id == "news:3")
        #expect(docs[1].date?.description == "2024-05-01")
        #expect(docs[1].dateOrigin == .text)
    }

    @Test func errorsNameTheRow() {
        #expect { try read("id,content\na,b\n") } throws: { error in
            String(describing: error).hasPrefix("news.csv:1: the header row has no 'text', 'body' or 'title' column (it has: id, content)")
        }
        #expect { try read("id,text\na,b\nc,d,e\n") } throws: { error in
            String(describing: error).hasPrefix("news.csv:3: row 2 has 3 fields, the header has 2")
        }
        #expect { try read("id,text,date\na,b,31/01/2025\n") } throws: { error in
            String(describing: error).hasPrefix("news.csv:2: date '31/01/2025' is not an ISO 8601 date")
        }
    }

    @Test func excelCSVInCP932WithCRLF() throws {
        let folder = try temporaryFolder()
        let text = "id,date,title,text\r\nx,2025-02-01,見出し,中国の本文\r\n"
        try text.data(using: .shiftJIS)!.write(to: URL(fileURLWithPath: "\(folder)/excel.csv"))
        let corpus = try CorpusLoader.load(paths: [folder])
        #expect(corpus.documents.map(\.id) == ["x"])
        #expect(corpus.documents[0].body == "中国の本文")
        #expect(corpus.convertedFromCP932 == ["\((folder as NSString).lastPathComponent)/excel.csv"])
    }
}
