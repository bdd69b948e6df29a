import Morphology
import Text

/// A malformed or unreadable dictionary file: names the file and line.
public struct DictionaryError: Error, CustomStringConvertible, Sendable {
    public let file: String
    public let line: Int?
    public let message: String

    public init(file: String, line: Int? = nil, _ message: String) {
        (self.file, self.line, self.message) = (file, line, message)
    }

    public var description: String { "\(file)\(line.map { ":\($0)" } ?? ""): \(message)" }
}

/// One category of a dictionary and what counts as a match for it.
public struct DictionaryCategory: Sendable {
    /// The name; nested YAML categories are joined with dots (`政治.外交`).
    public let name: String
    public let rule: Rule

    public enum Rule: Sendable {
        /// A word list (YAML, LIWC, CSV): each match of any entry counts.
        case words([WordPattern])
        /// A KH Coder coding rule: 1 for a document where it holds, else 0.
        case coding(CodingExpression)
    }
}

/// A dictionary loaded from a file: categories in file order.
public struct WordDictionary: Sendable {
    public let path: String
    /// `yaml`, `liwc`, `csv` or `khcoder`.
    public let format: String
    public let categories: [DictionaryCategory]

    /// Matches of each category in one document's tokens, in category order.
    public func counts(in tokens: [Token]) -> [Int] {
        let index = TokenIndex(tokens)
        return categories.map { category in
            switch category.rule {
            case .words(let patterns): return WordMatcher(patterns).count(in: tokens)
            case .coding(let expression): return expression.holds(in: index) ? 1 : 0
            }
        }
    }
}

/// One dictionary entry, NFKC-normalised. `*` stands for any run of
/// characters (none included) and `?` for one character, within one token;
/// an entry without them also matches consecutive tokens that spell it.
public struct WordPattern: Equatable, Sendable {
    public let text: String
    let scalars: [Unicode.Scalar]
    public let isGlob: Bool

    public init(_ entry: String) {
        text = TextNormalizer.nfkc(entry)
        scalars = Array(text.unicodeScalars)
        isGlob = text.contains("*") || text.contains("?")
    }

    /// Whether one token's normalised surface or base form matches.
    func matches(_ token: Token) -> Bool {
        isGlob ? (Self.glob(scalars[...], Array(token.surface.unicodeScalars)[...]) || Self.glob(scalars[...], Array(token.base.unicodeScalars)[...]))
            : (token.surface == text || token.base == text)
    }

    static func glob(_ pattern: ArraySlice<Unicode.Scalar>, _ text: ArraySlice<Unicode.Scalar>) -> Bool {
        guard let first = pattern.first else { return text.isEmpty }
        switch first {
        case "*":
            var rest = text
            while true {
                if glob(pattern.dropFirst(), rest) { return true }
                if rest.isEmpty { return false }
                rest = rest.dropFirst()
            }
        case "?": return !text.isEmpty && glob(pattern.dropFirst(), text.dropFirst())
        default: return text.first == first && glob(pattern.dropFirst(), text.dropFirst())
        }
    }
}

/// Counts non-overlapping matches of a word list, left to right; at each
/// token the longest match (in tokens) wins.
struct WordMatcher {
    let exact: Set<String>
    let globs: [WordPattern]
    /// The longest exact entry in characters: how far a run of tokens can reach.
    let longest: Int

    init(_ patterns: [WordPattern]) {
        exact = Set(patterns.filter { !$0.isGlob }.map(\.text))
        globs = patterns.filter(\.isGlob)
        longest = patterns.filter { !$0.isGlob }.map(\.scalars.count).max() ?? 0
    }

    func count(in tokens: [Token]) -> Int {
        var count = 0
        var i = 0
        while i < tokens.count {
            if let length = matchLength(at: i, in: tokens) {
                count += 1
                i += length
            } else {
                i += 1
            }
        }
        return count
    }

    /// Tokens covered by the longest match starting at token `i`, if any.
    func matchLength(at i: Int, in tokens: [Token]) -> Int? {
        var best: Int?
        if exact.contains(tokens[i].base) || globs.contains(where: { $0.matches(tokens[i]) }) { best = 1 }
        var spelled = ""
        var characters = 0
        var j = i
        while j < tokens.count, characters < longest {
            spelled += tokens[j].surface
            characters += tokens[j].surface.unicodeScalars.count
            if exact.contains(spelled) { best = j - i + 1 }
            j += 1
        }
        return best
    }
}

/// Where each word occurs in a document, for coding rules.
struct TokenIndex {
    let tokens: [Token]
    init(_ tokens: [Token]) { self.tokens = tokens }

    /// Token positions where `word` starts (as a token or a run of tokens), with the run's length.
    func occurrences(of word: WordPattern) -> [(start: Int, length: Int)] {
        let matcher = WordMatcher([word])
        return tokens.indices.compactMap { i in matcher.matchLength(at: i, in: tokens).map { (i, $0) } }
    }
}
