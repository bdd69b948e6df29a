/// A sum of doubles that is exact until the one final rounding, so it does
/// not depend on the order of the terms (Shewchuk's partials, as Python's
/// `math.fsum` keeps them). Float sums emitted by plugins then give the same
/// bytes whatever the document order.
struct ExactSum: Hashable, Sendable {
    /// Non-overlapping partial sums, smallest magnitude first.
    private(set) var partials: [Double] = []
    /// Infinities and NaNs, which partials cannot hold.
    private(set) var special: Double = 0

    /// Terms that add up to this sum exactly, the same whatever order the
    /// values came in (the partials are not): the rounded sum, then the
    /// rounded remainder, and so on until nothing remains.
    var canonicalTerms: [Double] {
        var rest = self
        rest.special = 0
        var terms: [Double] = []
        // Each remainder is below half an ulp of the term before, so a
        // sum of doubles (multiples of 2^-1074) ends within 40 terms.
        while rest.value != 0 {
            let term = rest.value
            // Beyond the double range: the partials are still exact.
            guard term.isFinite, terms.count < 64 else { return special == 0 ? partials : partials + [special] }
            terms.append(term)
            rest.add(-term)
        }
        return special == 0 ? terms : terms + [special]
    }

    mutating func add(_ value: Double) {
        guard value.isFinite else {
            special += value
            return
        }
        var x = value
        var kept = 0
        for index in partials.indices {
            var y = partials[index]
            if abs(x) < abs(y) { swap(&x, &y) }
            let high = x + y
            let low = y - (high - x)
            if low != 0 {
                partials[kept] = low
                kept += 1
            }
            x = high
        }
        partials.removeSubrange(kept...)
        partials.append(x)
    }

    /// Adds an integer exactly: its nearest double and the remainder.
    mutating func add(_ value: Int) {
        let high = Double(value)
        add(high)
        // |value - Int(high)| < 2^11, so the remainder is exact; Int(high)
        // cannot trap, except for 2^63, which only Int.max rounds to.
        if let rounded = Int(exactly: high) {
            let (remainder, overflow) = value.subtractingReportingOverflow(rounded)
            if !overflow && remainder != 0 { add(Double(remainder)) }
        } else {
            add(Double(value - Int.max) - 1)  // value rounds to 2^63: value - 2^63
        }
    }

    /// Adds every term of `other`: the partials are exact, so this is too.
    mutating func merge(_ other: ExactSum) {
        for partial in other.partials { add(partial) }
        special += other.special
    }

    /// The correctly rounded sum.
    var value: Double {
        if special != 0 || special.isNaN { return special }
        var count = partials.count
        guard count > 0 else { return 0 }
        count -= 1
        var high = partials[count]
        var low = 0.0
        while count > 0 {
            let x = high
            count -= 1
            let y = partials[count]
            high = x + y
            low = y - (high - x)
            if low != 0 { break }
        }
        // Round half to even across the remaining partials.
        if count > 0 && ((low < 0 && partials[count - 1] < 0) || (low > 0 && partials[count - 1] > 0)) {
            let y = low * 2
            let x = high + y
            if y == x - high { high = x }
        }
        return high
    }
}
