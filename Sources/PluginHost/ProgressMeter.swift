import Foundation
import Text

/// Counts documents as a plugin works through them and, once a run has
/// taken longer than `delay`, hands a status line (done/total, documents per
/// second, time left) to `draw` at most every `interval` seconds.
public final class ProgressMeter {
    public let total: Int
    private let delay: Double
    private let interval: Double
    private let draw: (String) -> Void
    private let started = DispatchTime.now().uptimeNanoseconds
    private var lastDrawn: UInt64 = 0
    private var done = 0
    /// Whether a line has been drawn (and so needs clearing).
    public private(set) var hasDrawn = false

    public init(total: Int, delay: Double = 1, interval: Double = 0.2, draw: @escaping (String) -> Void) {
        self.total = total
        self.delay = delay
        self.interval = interval
        self.draw = draw
    }

    /// Records that `done` documents are finished (loops that run twice never count past the total).
    public func update(done: Int) {
        let done = min(done, total)
        guard done > self.done else { return }
        self.done = done
        let now = DispatchTime.now().uptimeNanoseconds
        let elapsed = Double(now - started) / 1e9
        guard elapsed >= delay, !hasDrawn || done == total || Double(now - lastDrawn) / 1e9 >= interval else { return }
        lastDrawn = now
        hasDrawn = true
        draw(Self.line(done: self.done, total: total, elapsed: elapsed))
    }

    /// "1,234/3,677 documents, 850 docs/s, about 3 s left".
    static func line(done: Int, total: Int, elapsed: Double) -> String {
        let rate = elapsed > 0 ? Double(done) / elapsed : 0
        var text = "\(grouped(done))/\(grouped(total)) documents, \(grouped(Int(rate.rounded()))) docs/s"
        if done < total, rate > 0 {
            let left = Double(total - done) / rate
            text += left < 60 ? ", about \(Int(left.rounded(.up))) s left" : ", about \(Int((left / 60).rounded(.up))) min left"
        }
        return text
    }

    private static func grouped(_ value: Int) -> String { NumberText.grouped(value) }
}
