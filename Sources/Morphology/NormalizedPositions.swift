import Text

/// Maps positions in one line of raw text to positions in its NFKC form.
///
/// MeCab analyses the raw text; counts and matches run on the normalised
/// text, so every token boundary (a "cut") needs its place in both. NFKC
/// works character by character except where characters compose across a
/// cut (か + combining ゛, ｶ + ﾞ): such cuts have no exact counterpart, and
/// the tokens around them share the composed characters.
struct NormalizedPositions {
    /// The normalised position of each cut, in code points from the line start.
    let offsets: [Int: Int]

    /// - Parameters:
    ///   - line: the raw line as code points.
    ///   - cuts: raw positions (0…line.count) where tokens start and end.
    ///   - normalizedLength: the length of NFKC(line) in code points.
    ///   - nfkc: NFKC of a piece of text (the caller caches it).
    init(line: [Unicode.Scalar], cuts: Set<Int>, normalizedLength: Int, nfkc: (String) -> String) {
        let sorted = Set(cuts).union([0, line.count]).sorted()
        let piece = { (from: Int, to: Int) in String(String.UnicodeScalarView(line[from..<to])) }
        let length = { (text: String) in text.unicodeScalars.count }
        // Each piece normalised on its own; exact when no cut is crossed by composition.
        var separate = [0: 0]
        for (from, to) in zip(sorted, sorted.dropFirst()) { separate[to] = separate[from, default: 0] + length(nfkc(piece(from, to))) }
        if separate[line.count] == normalizedLength && Self.allStable(sorted, line: line, nfkc: nfkc, piece: piece) {
            offsets = separate
            return
        }
        // Keep only the stable cuts; pieces between them are normalised whole.
        let kept = sorted.filter { $0 == 0 || $0 == line.count || Self.isStable($0, line: line, nfkc: nfkc, piece: piece) }
        var exact = [0: 0]
        for (from, to) in zip(kept, kept.dropFirst()) { exact[to] = exact[from, default: 0] + length(nfkc(piece(from, to))) }
        var result: [Int: Int] = [:]
        var previousKept = 0
        for cut in sorted {
            if let known = exact[cut] {
                result[cut] = known
                previousKept = cut
            } else {
                // Inside a composed group: advance as far as the pieces alone would, but not past the group's end.
                let groupEnd = exact[kept.first { $0 > cut } ?? line.count] ?? normalizedLength
                let advanced = (exact[previousKept] ?? 0) + (separate[cut] ?? 0) - (separate[previousKept] ?? 0)
                result[cut] = min(advanced, groupEnd)
            }
        }
        offsets = result
    }

    /// Whether NFKC treats the two sides of `cut` independently: normalising
    /// a few characters on each side together gives the same as apart.
    static func isStable(_ cut: Int, line: [Unicode.Scalar], nfkc: (String) -> String, piece: (Int, Int) -> String) -> Bool {
        guard cut > 0, cut < line.count else { return true }
        let left = piece(max(0, cut - 4), cut), right = piece(cut, min(line.count, cut + 4))
        // Compare code points: Swift's == treats e + U+0301 and é as equal.
        return (nfkc(left) + nfkc(right)).unicodeScalars.elementsEqual(nfkc(left + right).unicodeScalars)
    }

    /// Characters that NFKC may merge with the one before: combining marks,
    /// the kana voicing marks (゛ U+3099, ﾞ U+FF9E), and the Indic, Hangul
    /// and Myanmar vowel signs that compose without being marks.
    static func mayCompose(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.canonicalCombiningClass != .notReordered || (0x0900..<0x1DC0).contains(scalar.value)
            || (0x3099...0x309A).contains(scalar.value) || (0xFF9E...0xFF9F).contains(scalar.value)
    }

    /// The quick test that passes nearly every line: no cut sits before a
    /// character that could compose with what precedes it.
    private static func allStable(_ cuts: [Int], line: [Unicode.Scalar], nfkc: (String) -> String, piece: (Int, Int) -> String) -> Bool {
        cuts.allSatisfy { cut in
            guard cut > 0, cut < line.count else { return true }
            return !mayCompose(line[cut]) || isStable(cut, line: line, nfkc: nfkc, piece: piece)
        }
    }
}
