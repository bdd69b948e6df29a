import Foundation
import Testing
import TestSupport
@testable import Corpus

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

    @Test func cp932IsReadAndReported() throws {
        let folder = try temporaryFolder()
        // 見出し / 日本の本文。 in CP932, as Excel on Japanese Windows saves text.
        let cp932 = String(data: Data("見出し\n日本の本文。\n".utf8), encoding: .utf8)!.data(using: .shiftJIS)!
        try cp932.write(to: URL(fileURLWithPath: "\(folder)/sjis.txt"))
        let corpus = try CorpusLoader.load(paths: ["\(folder)/sjis.txt"])
        #expect(corpus.documents.map(\.title) == ["見出し"])
        #expect(corpus.documents[0].body == "日本の本文。")
        #expect(corpus.convertedFromCP932 == ["\(folder)/sjis.txt"])
    }

    @Test func undecodableTextNamesTheLine() throws {
        let folder = try temporaryFolder()
        var bytes = Array("line one\nline two\n".utf8)
        bytes += [0xFF, 0xFE, 0xFD, 0x0A]
        try Data(bytes).write(to: URL(fileURLWithPath: "\(folder)/binary.txt"))
        #expect { try CorpusLoader.load(paths: ["\(folder)/binary.txt"]) } throws: { error in
            String(describing: error).hasPrefix("\(folder)/binary.txt:3: is neither UTF-8 nor Japanese CP932 (Shift_JIS)\n  convert it to UTF-8 first")
        }
    }

    @Test func byteOrderMarkIsDropped() throws {
        let folder = try temporaryFolder()
        try Data([0xEF, 0xBB, 0xBF] + Array("{\"id\": \"a\", \"text\": \"x\"}\n".utf8)).write(to: URL(fileURLWithPath: "\(folder)/bom.jsonl"))
        #expect(try CorpusLoader.load(paths: ["\(folder)/bom.jsonl"]).documents.map(\.id) == ["a"])
    }
}
