import Testing
import Corpus

@Suite struct TextDatesTests {
    @Test(arguments: [
        ("2025年1月31日、中谷防衛大臣は", "2025-01-31"),
        ("公開日:2021/03/16", "2021-03-16"),
        ("2025年10月27〜28日に会談", "2025-10-27"),
        ("令和7年1月31日に", "2025-01-31"),
        ("平成元年5月1日", "1989-05-01"),
        ("発表は2024-12-05。", "2024-12-05"),
        ("まず2025/02/14、次に2024年1月1日", "2025-02-14"),
        ("次に2024年1月1日、まず2025/02/14", "2024-01-01"),
        ("2025年 1月 31日", "2025-01-31"),
    ])
    func findsTheFirstFullDate(text: String, expected: String) {
        #expect(TextDates.firstDate(in: text)?.description == expected)
    }

    @Test(arguments: [
        "10月29日に",            // no year: a partial date is not a date
        "2025年1月に",           // no day
        "2025年2月30日",         // not a calendar date
        "12/15号",
        "電話番号 2025/01/311",  // the day runs on into more digits
        "1.2025.01.31",
        "2027年3月に期限",
    ])
    func partialOrInvalidDatesAreNotDates(text: String) {
        #expect(TextDates.firstDate(in: text) == nil)
    }
}
