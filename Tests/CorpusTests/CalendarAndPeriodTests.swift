import Testing
import Corpus

@Suite struct CalendarDateTests {
    @Test func validatesCalendarDates() {
        #expect(CalendarDate(year: 2024, month: 2, day: 29) != nil)
        #expect(CalendarDate(year: 2025, month: 2, day: 29) == nil)
        #expect(CalendarDate(year: 2025, month: 13, day: 1) == nil)
        #expect(CalendarDate(year: 1900, month: 2, day: 29) == nil)
        #expect(CalendarDate(year: 2000, month: 2, day: 29) != nil)
    }

    @Test func dayNumbersRoundTrip() {
        #expect(CalendarDate(year: 1970, month: 1, day: 1)!.dayNumber == 0)
        #expect(CalendarDate(year: 2025, month: 1, day: 31)!.dayNumber == 20119)
        for day in stride(from: -800_000, to: 800_000, by: 997) {
            #expect(CalendarDate(dayNumber: day).dayNumber == day)
        }
    }

    @Test func isoFormAndWeekday() {
        let date = CalendarDate(iso: "2025-01-31")!
        #expect(date.description == "2025-01-31")
        #expect(date.monthLabel == "2025-01")
        #expect(date.isoWeekday == 5)  // a Friday
        #expect(CalendarDate(iso: "2025-1-31") == nil)
    }
}

@Suite struct PeriodTests {
    func date(_ text: String) -> CalendarDate { CalendarDate(iso: text)! }

    @Test(arguments: [
        (PeriodKind.day, "2025-01-31", "2025-01-31"),
        (.month, "2025-01-31", "2025-01"),
        (.quarter, "2025-05-01", "2025-Q2"),
        (.year, "2025-12-31", "2025"),
        (.fiscalYear, "2025-03-31", "2024"),
        (.fiscalYear, "2025-04-01", "2025"),
        (.week, "2025-01-01", "2025-W01"),
        (.week, "2024-12-30", "2025-W01"),  // ISO week-year differs from the calendar year
        (.week, "2021-01-03", "2020-W53"),
        (.week, "2026-12-31", "2026-W53"),
    ])
    func labels(kind: PeriodKind, day: String, label: String) {
        #expect(kind.label(for: date(day)) == label)
        #expect(kind.index(ofLabel: label) == kind.index(of: date(day)))
    }

    @Test func monthRangeIsContinuous() {
        let kind = PeriodKind.month
        let labels = kind.labels(from: kind.index(ofLabel: "2024-11")!, through: kind.index(ofLabel: "2025-02")!)
        #expect(labels == ["2024-11", "2024-12", "2025-01", "2025-02"])
    }

    @Test func rejectsForeignLabels() {
        #expect(PeriodKind.month.index(ofLabel: "2025-13") == nil)
        #expect(PeriodKind.month.index(ofLabel: "2025-1") == nil)
        #expect(PeriodKind.month.index(ofLabel: "undated") == nil)
        #expect(PeriodKind.week.index(ofLabel: "2025-W54") == nil)
        #expect(PeriodKind.week.index(ofLabel: "2025-W53") == nil)  // 2025 has 52 ISO weeks
    }

    /// Labels a plugin can emit must never trap: out-of-range years, huge
    /// numbers and signs are just not labels of the kind.
    @Test(arguments: [
        (PeriodKind.quarter, "2025-Q9223372036854775807"), (.quarter, "2025-Q0"), (.quarter, "2025-Q5"),
        (.quarter, "2025-Q-1"), (.week, "10000-W01"), (.week, "0-W01"), (.week, "-1-W01"),
        (.week, "9223372036854775807-W01"), (.month, "9223372036854775807-01"), (.month, "10000-01"),
        (.year, "10000"), (.year, "-5"), (.fiscalYear, "9223372036854775807"), (.day, "10000-01-01"),
        (.quarter, "+2025-Q1"), (.month, "2025-+1"),
    ])
    func hostileLabelsAreRejected(kind: PeriodKind, label: String) {
        #expect(kind.index(ofLabel: label) == nil)
    }

    @Test func theLastRepresentableWeekRoundTrips() {
        let index = PeriodKind.week.index(ofLabel: "9999-W52")
        #expect(index != nil)
        #expect(index.map { PeriodKind.week.label(ofIndex: $0) } == "9999-W52")
        #expect(PeriodKind.week.label(for: CalendarDate(year: 9999, month: 12, day: 31)!) == "9999-W52")
    }
}
