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
        #expect(docs[1].id == "news:4")  // the row starts on line 4: the cell above spans two lines
        #expect(docs[1].line == 4)
        #expect(docs[1].date?.description == "2024-05-01")
        #expect(docs[1].dateOrigin == .text)
    }

    @Test func errorsNameTheRow() {
        #expect { try read("id,content\na,b\n") } throws: { error in
            String(describing: error).hasPrefix("news.csv:1: the header row has no 'text', 'body' or 'title' column (it has: id, content)")
        }
        #expect { try read("id,text\na,b\nc,d,e\n") } throws: { error in
            String(describing: error).hasPrefix("news.csv:3: this row has 3 cells, the header (line 1) has 2")
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

    /// The first line of the error `text` gives, or nil when it reads.
    func firstErrorLine(_ text: String) -> String? {
        do {
            _ = try read(text)
            return nil
        } catch {
            return String(describing: error).split(separator: "\n").first.map(String.init)
        }
    }

    @Test func unterminatedQuoteIsAnErrorAtItsLine() {
        // Row 1's quote is never closed: the rows after it are not swallowed into one cell.
        #expect(firstErrorLine("id,text\na,\"never closed\nb,two\nc,three\n")
                == "news.csv:2: the quoted cell that starts on this line is never closed")
        #expect(firstErrorLine("id,text\na,one\nb,two\nc,\"three\n")
                == "news.csv:4: the quoted cell that starts on this line is never closed")
        // A later quote "closes" it, but text follows: still named by the opening line.
        #expect(firstErrorLine("id,text\na,\"open\nb,two\nc,\"three\"\n")
                == "news.csv:2: the quoted cell that starts on this line closes on line 4, and text follows its closing quote")
    }

    @Test(arguments: [
        ("id,text\na,say \"hi\"\n", "news.csv:2: a quote (\") inside a cell that does not start with one"),
        ("id,text\na,\"quoted\" tail\n", "news.csv:2: text follows the closing quote of a quoted cell"),
        ("id,text\na,one\nb,two,extra\n", "news.csv:3: this row has 3 cells, the header (line 1) has 2"),
        ("id,text,date\na,one\n", "news.csv:2: this row has 2 cells, the header (line 1) has 3"),
        ("id,text\na,o\u{0}ne\n", "news.csv:2: contains a NUL byte, so it is not a text file"),
        ("id,text,\na,one,stray\n", "news.csv:2: cell 3 holds 'stray', but its column has no name in the header"),
        ("id,Text,TEXT\na,one,two\n", "news.csv:1: the header names the column 'text' twice"),
        ("\n\nid,content\n", "news.csv:3: the header row has no 'text', 'body' or 'title' column (it has: id, content)"),
    ])
    func malformedCSVNamesTheLine(text: String, message: String) {
        #expect(firstErrorLine(text) == message)
    }

    @Test func emptyAndHeaderOnlyFilesHoldNoDocuments() throws {
        #expect(try read("").isEmpty)
        #expect(try read("id,title,text\n").isEmpty)
        #expect(try read("id,title,text").isEmpty)
    }

    @Test func byteOrderMarkCRLFAndQuotedLineBreaks() throws {
        let docs = try read("\u{FEFF}id,text\r\na,\"one\r\ntwo, \"\"three\"\"\"\r\nb,last")
        #expect(docs.map(\.id) == ["a", "b"])
        #expect(docs.map(\.line) == [2, 4])
        #expect(docs[0].body == "one\r\ntwo, \"three\"")
        #expect(docs[1].body == "last")
    }

    @Test func scannerSplitsRecordsByTheRFC() throws {
        #expect(try CSVScanner.records("a,\"b\"\"c\",\n\"\",\"x\ny\"\rz", source: "s.csv") == [
            CSVScanner.Record(line: 1, fields: ["a", "b\"c", ""]),
            CSVScanner.Record(line: 2, fields: ["", "x\ny"]),
            CSVScanner.Record(line: 4, fields: ["z"]),
        ])
    }
}
