import Testing
import TestSupport
@testable import Corpus

/// `JSONLinesReader.parseDate` reads by hand what a Regex used to match; the
/// Regex stays here as the oracle.
@Suite struct ISODateTests {
    nonisolated(unsafe) static let isoDate =
        #/([0-9]{4})-([0-9]{2})-([0-9]{2})(?:[T ]([0-9]{2}):([0-9]{2})(?::([0-9]{2})(?:[.,][0-9]+)?)?)?(?:Z|z|[+\-][0-9]{2}(?::?[0-9]{2})?)?/#

    /// The former implementation.
    static func oracle(_ text: String) -> CalendarDate? {
        guard let match = text.wholeMatch(of: isoDate) else { return nil }
        let output = match.output
        if let hour = output.4.flatMap({ Int($0) }), hour > 24 { return nil }
        if let minute = output.5.flatMap({ Int($0) }), minute > 59 { return nil }
        if let second = output.6.flatMap({ Int($0) }), second > 60 { return nil }
        guard let year = Int(output.1), let month = Int(output.2), let day = Int(output.3) else { return nil }
        return CalendarDate(year: year, month: month, day: day)
    }

    @Test(arguments: [
        ("2025-01-31", "2025-01-31"), ("2025-01-31T09:00", "2025-01-31"), ("2025-01-31 09:00", "2025-01-31"),
        ("2025-01-31T24:59:60", "2025-01-31"), ("2025-01-31T09:00:00.5", "2025-01-31"), ("2025-01-31T09:00:00,123456", "2025-01-31"),
        ("2025-01-31Z", "2025-01-31"), ("2025-01-31z", "2025-01-31"), ("2025-01-31+09", "2025-01-31"), ("2025-01-31-0900", "2025-01-31"),
        ("2025-01-31T09:00+09:00", "2025-01-31"), ("2024-02-29T00:00:00Z", "2024-02-29"), ("0001-01-01", "0001-01-01"),
        ("2025-01-31T25:00", "nil"), ("2025-01-31T09:60", "nil"), ("2025-01-31T09:00:61", "nil"), ("2025-02-29", "nil"),
        ("0000-01-01", "nil"), ("2025-13-01", "nil"), ("2025-1-31", "nil"), ("2025-01-31T09", "nil"), ("2025-01-31T9:00", "nil"),
        ("2025-01-31T09:00:00.", "nil"), ("2025-01-31+9", "nil"), ("2025-01-31+090", "nil"), ("2025-01-31+09:0", "nil"),
        ("2025-01-31+09:00:00", "nil"), ("2025-01-31 ", "nil"), (" 2025-01-31", "nil"), ("2025-01-31t09:00", "nil"),
        ("2025/01/31", "nil"), ("２０２５-01-31", "nil"), ("2025-01-31\u{301}", "nil"), ("2025-01-31ZZ", "nil"), ("", "nil"),
        ("12025-01-31", "nil"), ("2025-01-31T09:00:00Z+09:00", "nil"), ("2025-01-31T09:00:00.123+0900", "2025-01-31"),
    ])
    func exactCases(written: String, expected: String) {
        #expect((JSONLinesReader.parseDate(written)?.description ?? "nil") == expected)
        #expect((Self.oracle(written)?.description ?? "nil") == expected)
    }

    /// Valid dates and date-times, mutated piece by piece, from a fixed seed.
    @Test func agreesWithTheRegexOnGeneratedStrings() {
        var random = SeededGenerator(state: 2025)
        let pieces = ["0", "1", "2", "5", "9", "-", "T", " ", ":", ".", ",", "Z", "z", "+", "t", "\u{301}", "１", "\r\n", "é", "00", "60", "24", "25"]
        var agreed = 0, dated = 0
        for _ in 0..<4000 {
            var text = String(format4(random.below(10_000))) + "-" + format2(1 + random.below(13)) + "-" + format2(1 + random.below(31))
            if random.below(2) == 0 {
                text += random.pick(["T", " "]) + format2(random.below(26)) + ":" + format2(random.below(61))
                if random.below(2) == 0 { text += ":" + format2(random.below(62)) + random.pick(["", ".5", ",123", "."]) }
            }
            text += random.pick(["", "Z", "z", "+09:00", "-0500", "+09", "+9"])
            var characters = Array(text)
            for _ in 0..<random.below(3) {
                let position = random.below(characters.count + 1)
                switch random.below(3) {
                case 0: characters.insert(contentsOf: random.pick(pieces), at: position)
                case 1 where position < characters.count: characters.remove(at: position)
                default: if position < characters.count { characters.replaceSubrange(position...position, with: Array(random.pick(pieces))) }
                }
            }
            text = String(characters)
            let parsed = JSONLinesReader.parseDate(text)
            #expect(parsed == Self.oracle(text), "\(text.debugDescription)")
            if parsed == Self.oracle(text) { agreed += 1 }
            if parsed != nil { dated += 1 }
        }
        #expect(agreed == 4000)
        #expect(dated == 1054)
    }

    func format4(_ n: Int) -> String { String(String(n + 10_000).dropFirst()) }
    func format2(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
}
