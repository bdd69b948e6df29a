/// A sentence of a text, in code points (1-based, like Lua).
public struct Sentence: Equatable, Sendable {
    public let text: String
    public let start: Int
    public let length: Int

    public init(text: String, start: Int, length: Int) {
        self.text = text
        self.start = start
        self.length = length
    }
}

/// Splits Japanese text into sentences: after 。！？!? (a run of them stays
/// together) and at line breaks, but never inside 「」『』（）() brackets.
/// A line break always ends a sentence and closes any open bracket, so one
/// unbalanced bracket cannot swallow the rest of a document. Leading and
/// trailing white space is trimmed; empty sentences are dropped.
public enum SentenceSplitter {
    // Each set holds a character and its NFKC form (！ and !, ｡ and 。), so
    // raw and normalised text split into the same sentences.
    static let enders: Set<Unicode.Scalar> = ["。", "｡", "！", "？", "!", "?"]
    static let openers: Set<Unicode.Scalar> = ["「", "｢", "『", "（", "(", "【", "〈", "《", "［", "["]
    static let closers: Set<Unicode.Scalar> = ["」", "｣", "』", "）", ")", "】", "〉", "》", "］", "]"]

    public static func split(_ text: String) -> [Sentence] {
        let scalars = Array(text.unicodeScalars)
        var sentences: [Sentence] = []
        var start = 0
        var depth = 0
        func emit(upTo end: Int) {
            // Trim white space at both ends, keeping positions exact.
            var first = start, last = end
            while first < last, scalars[first].properties.isWhitespace { first += 1 }
            while last > first, scalars[last - 1].properties.isWhitespace { last -= 1 }
            if first < last {
                var sentence = String.UnicodeScalarView()
                sentence.append(contentsOf: scalars[first..<last])
                sentences.append(Sentence(text: String(sentence), start: first + 1, length: last - first))
            }
            start = end
        }
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "\n" || scalar == "\r" {
                emit(upTo: index)
                start = index + 1
                depth = 0
            } else if openers.contains(scalar) {
                depth += 1
            } else if closers.contains(scalar) {
                depth = max(0, depth - 1)
            } else if enders.contains(scalar) && depth == 0 {
                var end = index + 1
                while end < scalars.count, enders.contains(scalars[end]) { end += 1 }
                emit(upTo: end)
                index = end
                continue
            }
            index += 1
        }
        emit(upTo: scalars.count)
        return sentences
    }
}
