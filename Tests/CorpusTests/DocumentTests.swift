import Corpus
import Testing
import Text

@Suite struct DocumentTests {
    private func document(title: String, body: String) -> Document {
        Document(id: "d", source: "s", line: 1, title: title, body: body, date: nil)
    }

    @Test(arguments: [
        ("ＮＡＴＯ（２０２５）", "ｶﾞｲﾄﾞ　①と㍻"),
        ("", ""),
        ("plain", "ascii only"),
        ("タイトルｱ", "\u{FF9E}本文"),            // a half-width voiced mark right after the newline
        ("e", "\u{301}"),                          // a combining mark right after the newline
        ("𝐀𠮷", "本文"),
    ])
    func keepsOneNormalisedBufferAndGivesBackTheRawText(title: String, body: String) {
        let doc = document(title: title, body: body)
        #expect(doc.title == title)
        #expect(doc.body == body)
        #expect(doc.rawText == title + "\n" + body)
        #expect(doc.rawTextBytes == Array((title + "\n" + body).utf8))
        #expect(doc.text == TextNormalizer.nfkc(title + "\n" + body))
        #expect(doc.textBytes == Array(doc.text.utf8))
    }

    @Test func normalisedTextAndPatches() {
        let doc = document(title: "ＡＢ", body: "ｶﾞｲﾄﾞ")
        #expect(doc.text == "AB\nガイド")
        #expect(doc.rawTitleCount == 6)
        #expect(Array(doc.rawPatches).map(\.normalized) == [0..<2, 3..<12])
    }

    @Test func unchangedTextNeedsNoPatches() {
        let doc = document(title: "日米同盟", body: "本文")
        #expect(doc.rawPatches.isEmpty)
        #expect(doc.text == "日米同盟\n本文")
    }

    @Test func bytesGiveTheSameDocumentAsStrings() {
        let (title, body) = ("ＡＢ", "２０２５年１月３１日に")
        let fromBytes = Array(title.utf8).withUnsafeBufferPointer { titleBytes in
            Array(body.utf8).withUnsafeBufferPointer { bodyBytes in
                Document(id: "d", source: "s", line: 1, titleUTF8: titleBytes, bodyUTF8: bodyBytes, date: nil)
            }
        }
        let fromStrings = document(title: title, body: body)
        #expect(fromBytes.textBytes == fromStrings.textBytes)
        #expect(fromBytes.rawPatches == fromStrings.rawPatches)
        #expect((fromBytes.title, fromBytes.body) == (title, body))
        #expect(fromBytes.date?.description == "2025-01-31")
        #expect(fromBytes.dateOrigin == .text)
    }

    @Test func invalidBytesAreRepairedInTitleAndBodyApart() {
        let title: [UInt8] = [0x41, 0xE3, 0x81]        // A and a cut-off character
        let body: [UInt8] = [0xFF, 0xEF, 0xBC, 0xA1]   // a stray byte and Ａ
        let doc = title.withUnsafeBufferPointer { titleBytes in
            body.withUnsafeBufferPointer { Document(id: "d", source: "s", line: 1, titleUTF8: titleBytes, bodyUTF8: $0, date: nil) }
        }
        #expect(doc.title == "A\u{FFFD}")
        #expect(doc.body == "\u{FFFD}Ａ")
        #expect(doc.text == "A\u{FFFD}\n\u{FFFD}A")
    }
}
