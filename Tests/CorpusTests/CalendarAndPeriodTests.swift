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
}
