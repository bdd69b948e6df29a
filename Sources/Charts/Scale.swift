/// A linear value axis with "nice" ticks (1, 2 or 5 times a power of ten).
struct ValueScale {
    let minimum: Double
    let maximum: Double
    let ticks: [Double]
    /// Decimal places the tick labels need.
    let decimals: Int

    /// A scale that includes zero and every value.
    init(values: [Double], targetTicks: Int = 5) {
        var low = min(0, values.min() ?? 0)
        var high = max(0, values.max() ?? 0)
        if low == high { high = low + 1 }
        let rough = (high - low) / Double(max(targetTicks, 1))
        var power = 1.0
        var decimals = 0
        while power * 10 <= rough { power *= 10 }
        while power > rough && power > 1e-9 { power /= 10; decimals += 1 }
        let step: Double
        if rough <= power { step = power } else if rough <= 2 * power { step = 2 * power } else if rough <= 5 * power { step = 5 * power } else {
            step = 10 * power
            decimals = max(decimals - 1, 0)
        }
        low = (low / step).rounded(.down) * step
        high = (high / step).rounded(.up) * step
        var ticks: [Double] = []
        var index = 0.0
        while low + index * step <= high + step / 2 {
            ticks.append(low + index * step)
            index += 1
        }
        self.minimum = low
        self.maximum = high
        self.ticks = ticks
        self.decimals = step >= 1 ? 0 : decimals
    }

    /// Where `value` falls between `start` (at the minimum) and `end` (at the maximum).
    func position(_ value: Double, from start: Double, to end: Double) -> Double {
        start + (value - minimum) / (maximum - minimum) * (end - start)
    }

    func label(_ value: Double) -> String {
        ValueScale.format(value, decimals: decimals)
    }

    /// `value` with `decimals` places, locale-independent, thousands grouped with commas.
    static func format(_ value: Double, decimals: Int) -> String {
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = (abs(value) * scale).rounded()
        guard scaled < 9e15 else { return String(value) }
        let whole = Int(scaled / scale)
        let fraction = Int(scaled) - whole * Int(scale)
        var digits = String(whole)
        var grouped = ""
        while digits.count > 3 {
            grouped = "," + digits.suffix(3) + grouped
            digits.removeLast(3)
        }
        grouped = digits + grouped
        if decimals > 0 {
            let text = String(fraction)
            grouped += "." + String(repeating: "0", count: max(0, decimals - text.count)) + text
        }
        return (value < 0 && scaled > 0 ? "-" : "") + grouped
    }
}
