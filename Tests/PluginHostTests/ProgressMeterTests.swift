import Testing
@testable import PluginHost

@Suite struct ProgressMeterTests {
    @Test func lineSaysDoneTotalRateAndTimeLeft() {
        #expect(ProgressMeter.line(done: 1234, total: 3677, elapsed: 1) == "1,234/3,677 documents, 1,234 docs/s, about 2 s left")
        #expect(ProgressMeter.line(done: 10, total: 10_000, elapsed: 1) == "10/10,000 documents, 10 docs/s, about 17 min left")
        #expect(ProgressMeter.line(done: 50, total: 50, elapsed: 2) == "50/50 documents, 25 docs/s")
    }

    @Test func drawsOnlyAfterTheDelayAndNeverPastTheTotal() {
        var lines: [String] = []
        let patient = ProgressMeter(total: 3, delay: 3600) { lines.append($0) }
        for done in 1...3 { patient.update(done: done) }
        #expect(lines.isEmpty && !patient.hasDrawn)
        let eager = ProgressMeter(total: 3, delay: 0, interval: 3600) { lines.append($0) }
        for done in [1, 2, 3, 5, 7] { eager.update(done: done) }
        // The first update draws, the throttle holds the second, the total always draws; loops past it are clamped.
        #expect(lines.map { $0.prefix(13) } == ["1/3 documents", "3/3 documents"])
        #expect(eager.hasDrawn)
    }
}
