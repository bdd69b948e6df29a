import Foundation
import Testing
import TestSupport
@testable import Corpus
import Text

@Suite struct CorpusLoaderTests {
    @Test func loadsTheSeedsFolderInSortedOrder() throws {
        let corpus = try CorpusLoader.load(paths: [seedsDirectory])
        #expect(corpus.documents.count == 41)
        #expect(corpus.files.map(\.documentCount) == [20, 1, 1, 1, 18])
        #expect(corpus.files.first?.path == "seeds/000_43a05b1cc0bfe584.txt")
        #expect(corpus.documents.first?.source == "seeds/000_43a05b1cc0bfe584.txt")
        #expect(corpus.undatedCount == 20)
        #expect(corpus.skipped.isEmpty)
    }

    @Test func folderIdsUseRelativePathsAndSkipOtherFiles() throws {
        let folder = try temporaryFolder()
        try write("{\"text\": \"a\"}\n", to: "\(folder)/b/feed.jsonl")
        try write("見出し\n本文", to: "\(folder)/a.txt")
        try write("x", to: "\(folder)/notes.pdf")
        try write("hidden", to: "\(folder)/.cache/x.txt")
        let corpus = try CorpusLoader.load(paths: [folder])
        #expect(corpus.documents.map(\.id) == ["a", "b/feed:1"])
        #expect(corpus.skipped == ["\(folder)/notes.pdf"])
        let name = (folder as NSString).lastPathComponent
        #expect(corpus.documents.map(\.source) == ["\(name)/a.txt", "\(name)/b/feed.jsonl"])
    }

    @Test func duplicateIdsAreAnError() throws {
        let folder = try temporaryFolder()
        try write("{\"id\": \"x\", \"text\": \"a\"}\n{\"id\": \"x\", \"text\": \"b\"}\n", to: "\(folder)/d.jsonl")
        #expect { try CorpusLoader.load(paths: ["\(folder)/d.jsonl"]) } throws: { error in
            String(describing: error).hasPrefix("\(folder)/d.jsonl:2: document id 'x' is already used at \(folder)/d.jsonl:1")
        }
    }

    @Test func missingAndUnsupportedPathsAreErrors() throws {
        #expect { try CorpusLoader.load(paths: ["/no/such/corpus"]) } throws: { error in
            String(describing: error) == "/no/such/corpus: no such file or folder"
        }
        let folder = try temporaryFolder()
        try write("x", to: "\(folder)/a.docx")
        #expect { try CorpusLoader.load(paths: ["\(folder)/a.docx"]) } throws: { error in
            String(describing: error).hasPrefix("\(folder)/a.docx: kiji cannot read '.docx' files")
        }
    }

    /// 見出し / 日本の政府は「新しい政策」を発表した。 in three encodings.
    static let sameTextEncoded: [(encoding: LegacyEncoding?, bytes: [UInt8])] = [
        (nil, Array("見出し\n日本の政府は「新しい政策」を発表した。\n".utf8)),
        (.cp932, [0x8C, 0xA9, 0x8F, 0x6F, 0x82, 0xB5, 0x0A, 0x93, 0xFA, 0x96, 0x7B, 0x82, 0xCC, 0x90, 0xAD, 0x95, 0x7B, 0x82, 0xCD,
                  0x81, 0x75, 0x90, 0x56, 0x82, 0xB5, 0x82, 0xA2, 0x90, 0xAD, 0x8D, 0xF4, 0x81, 0x76, 0x82, 0xF0, 0x94, 0xAD, 0x95,
                  0x5C, 0x82, 0xB5, 0x82, 0xBD, 0x81, 0x42, 0x0A]),
        (.eucJP, [0xB8, 0xAB, 0xBD, 0xD0, 0xA4, 0xB7, 0x0A, 0xC6, 0xFC, 0xCB, 0xDC, 0xA4, 0xCE, 0xC0, 0xAF, 0xC9, 0xDC, 0xA4, 0xCF,
                  0xA1, 0xD6, 0xBF, 0xB7, 0xA4, 0xB7, 0xA4, 0xA4, 0xC0, 0xAF, 0xBA, 0xF6, 0xA1, 0xD7, 0xA4, 0xF2, 0xC8, 0xAF, 0xC9,
                  0xBD, 0xA4, 0xB7, 0xA4, 0xBF, 0xA1, 0xA3, 0x0A]),
    ]

    @Test(arguments: 0..<3)
    func japaneseIsReadInEachEncodingAndReported(index: Int) throws {
        let (encoding, bytes) = Self.sameTextEncoded[index]
        let folder = try temporaryFolder()
        try Data(bytes).write(to: URL(fileURLWithPath: "\(folder)/news.txt"))
        let corpus = try CorpusLoader.load(paths: ["\(folder)/news.txt"])
        #expect(corpus.documents.map(\.title) == ["見出し"])
        #expect(corpus.documents[0].body == "日本の政府は「新しい政策」を発表した。")
        #expect(corpus.converted == encoding.map { [ConvertedFile(path: "\(folder)/news.txt", encoding: $0)] } ?? [])
    }

    @Test func cp932IsReportedAsSuch() throws {
        let folder = try temporaryFolder()
        try Data(Self.sameTextEncoded[1].bytes).write(to: URL(fileURLWithPath: "\(folder)/sjis.txt"))
        #expect(try CorpusLoader.load(paths: ["\(folder)/sjis.txt"]).convertedFromCP932 == ["\(folder)/sjis.txt"])
    }

    @Test func undecodableTextNamesTheLine() throws {
        let folder = try temporaryFolder()
        var bytes = Array("line one\nline two\n".utf8)
        bytes += [0xFF, 0xFE, 0xFD, 0x0A]
        try Data(bytes).write(to: URL(fileURLWithPath: "\(folder)/binary.txt"))
        #expect { try CorpusLoader.load(paths: ["\(folder)/binary.txt"]) } throws: { error in
            String(describing: error).hasPrefix("\(folder)/binary.txt:3: is neither UTF-8 nor Japanese CP932 (Shift_JIS) or EUC-JP\n  convert it to UTF-8 first")
        }
    }

    @Test func byteOrderMarkIsDropped() throws {
        let folder = try temporaryFolder()
        try Data([0xEF, 0xBB, 0xBF] + Array("{\"id\": \"a\", \"text\": \"x\"}\n".utf8)).write(to: URL(fileURLWithPath: "\(folder)/bom.jsonl"))
        #expect(try CorpusLoader.load(paths: ["\(folder)/bom.jsonl"]).documents.map(\.id) == ["a"])
    }

    @Test func utf16AndNULBytesAreNamedAsSuch() throws {
        let folder = try temporaryFolder()
        try Data([0xFF, 0xFE] + Array("見出し\n本文".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
            .write(to: URL(fileURLWithPath: "\(folder)/utf16.txt"))
        #expect { try CorpusLoader.load(paths: ["\(folder)/utf16.txt"]) } throws: { error in
            String(describing: error).hasPrefix("\(folder)/utf16.txt:1: is UTF-16 (it starts with a UTF-16 byte-order mark)\n  save it as UTF-8")
        }
        try Data(Array("{\"text\": \"a\"}\n{\"text\": \"b\u{0}\"}\n".utf8)).write(to: URL(fileURLWithPath: "\(folder)/nul.jsonl"))
        #expect { try CorpusLoader.load(paths: ["\(folder)/nul.jsonl"]) } throws: { error in
            String(describing: error).hasPrefix("\(folder)/nul.jsonl:2: contains a NUL byte, so it is not a text file")
        }
    }
}
