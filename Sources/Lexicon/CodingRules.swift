/// A KH Coder coding-rule condition (the common subset kiji reads).
public indirect enum CodingExpression: Sendable {
    case word(WordPattern)
    /// Words on consecutive tokens, in order: `seq(日米-同盟)`.
    case sequence([WordPattern])
    /// Every word within `window` tokens of the first: `near(中国-脅威)`.
    case near([WordPattern], window: Int)
    case not(CodingExpression)
    case and(CodingExpression, CodingExpression)
    case or(CodingExpression, CodingExpression)

    func holds(in index: TokenIndex) -> Bool {
        switch self {
        case .word(let word): return !index.occurrences(of: word).isEmpty
        case .sequence(let words):
            guard let first = words.first else { return false }
            return index.occurrences(of: first).contains { start in
                var position = start.start + start.length
                for word in words.dropFirst() {
                    guard let next = index.occurrences(of: word).first(where: { $0.start == position }) else { return false }
                    position = next.start + next.length
                }
                return true
            }
        case .near(let words, let window):
            guard let first = words.first else { return false }
            let others = words.dropFirst().map { index.occurrences(of: $0).map(\.start) }
            return index.occurrences(of: first).contains { anchor in
                others.allSatisfy { positions in positions.contains { abs($0 - anchor.start) <= window } }
            }
        case .not(let inner): return !inner.holds(in: index)
        case .and(let a, let b): return a.holds(in: index) && b.holds(in: index)
        case .or(let a, let b): return a.holds(in: index) || b.holds(in: index)
        }
    }
}

/// Reads KH Coder coding rules: `*name` headers, each followed by a
/// condition of words, `and`, `or`, `not`, parentheses, `seq(a-b)` and
/// `near(a-b)`; `#` starts a comment line. Anything else is refused with its line.
enum CodingRuleReader {
    /// How far apart (in tokens) `near()` words may be, KH Coder's default.
    static let nearWindow = 10

    static func read(_ text: String, file: String) throws -> [DictionaryCategory] {
        var categories: [DictionaryCategory] = []
        var name: String?
        var headerLine = 0
        var condition: [(text: String, line: Int)] = []
        func finish() throws {
            guard let name else { return }
            guard !condition.isEmpty else { throw DictionaryError(file: file, line: headerLine, "code '*\(name)' has no condition under it") }
            var parser = try Parser(lines: condition, file: file)
            categories.append(DictionaryCategory(name: name, rule: .coding(try parser.parseAll())))
        }
        for (offset, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            if line.hasPrefix("*") {
                try finish()
                let header = String(line.dropFirst()).trimmingCharacters(in: .whitespaces)
                guard !header.isEmpty else { throw DictionaryError(file: file, line: offset + 1, "'*' needs a code name after it") }
                if categories.contains(where: { $0.name == header }) {
                    throw DictionaryError(file: file, line: offset + 1, "code '*\(header)' is defined twice")
                }
                (name, headerLine, condition) = (header, offset + 1, [])
            } else {
                guard name != nil else {
                    throw DictionaryError(file: file, line: offset + 1, "a condition before any '*name' header (a coding rule file starts with *name)")
                }
                condition.append((line, offset + 1))
            }
        }
        try finish()
        guard !categories.isEmpty else { throw DictionaryError(file: file, "no '*name' codes found (is this a KH Coder coding-rule file?)") }
        return categories
    }

    /// Recursive descent: or < and < not < atom.
    struct Parser {
        enum Piece { case word(String), open, close, and, or, not, function(String, [String]) }
        var pieces: [(piece: Piece, line: Int)] = []
        var position = 0
        let file: String

        init(lines: [(text: String, line: Int)], file: String) throws {
            self.file = file
            for (text, line) in lines { pieces += try Self.lex(text, line: line, file: file) }
        }

        static func lex(_ text: String, line: Int, file: String) throws -> [(piece: Piece, line: Int)] {
            let unsupported = Set("<>=|&[]{}\"'$^+")
            if let bad = text.first(where: unsupported.contains) {
                throw DictionaryError(file: file, line: line,
                                      "unsupported KH Coder construct '\(bad)' (kiji reads words, and, or, not, parentheses, seq() and near())")
            }
            var result: [(Piece, Int)] = []
            var rest = Substring(text)
            while let first = rest.first {
                if first == " " || first == "\t" || first == "\u{3000}" { rest = rest.dropFirst(); continue }
                if first == "(" { result.append((.open, line)); rest = rest.dropFirst(); continue }
                if first == ")" { result.append((.close, line)); rest = rest.dropFirst(); continue }
                let word = rest.prefix { !" \t\u{3000}()".contains($0) }
                rest = rest.dropFirst(word.count)
                switch word.lowercased() {
                case "and": result.append((.and, line))
                case "or": result.append((.or, line))
                case "not": result.append((.not, line))
                case "seq", "near":
                    guard rest.first == "(", let close = rest.firstIndex(of: ")") else {
                        throw DictionaryError(file: file, line: line, "\(word) needs its words in parentheses, as \(word)(日米-同盟)")
                    }
                    let words = rest[rest.index(after: rest.startIndex)..<close].split(separator: "-").map {
                        $0.trimmingCharacters(in: .whitespaces)
                    }
                    guard words.count >= 2, !words.contains(where: \.isEmpty) else {
                        throw DictionaryError(file: file, line: line, "\(word)() needs two or more words joined by '-', as \(word)(日米-同盟)")
                    }
                    result.append((.function(word.lowercased(), words), line))
                    rest = rest[rest.index(after: close)...]
                default:
                    if word.contains(":") || word.contains(",") {
                        throw DictionaryError(file: file, line: line,
                                              "unsupported KH Coder construct '\(word)' (kiji reads words, and, or, not, parentheses, seq() and near())")
                    }
                    result.append((.word(String(word)), line))
                }
            }
            return result
        }

        mutating func parseAll() throws -> CodingExpression {
            let expression = try parseOr()
            if position < pieces.count { throw error("unexpected \(describe(pieces[position].piece)); join words with and, or or not") }
            return expression
        }

        mutating func parseOr() throws -> CodingExpression {
            var left = try parseAnd()
            while position < pieces.count, case .or = pieces[position].piece {
                position += 1
                left = .or(left, try parseAnd())
            }
            return left
        }

        mutating func parseAnd() throws -> CodingExpression {
            var left = try parseNot()
            while position < pieces.count, case .and = pieces[position].piece {
                position += 1
                left = .and(left, try parseNot())
            }
            return left
        }

        mutating func parseNot() throws -> CodingExpression {
            if position < pieces.count, case .not = pieces[position].piece {
                position += 1
                return .not(try parseNot())
            }
            return try parseAtom()
        }

        mutating func parseAtom() throws -> CodingExpression {
            guard position < pieces.count else { throw error("the condition ends where a word was expected") }
            let piece = pieces[position].piece
            position += 1
            switch piece {
            case .word(let word): return .word(WordPattern(word))
            case .function(let name, let words):
                let patterns = words.map(WordPattern.init)
                return name == "seq" ? .sequence(patterns) : .near(patterns, window: nearWindow)
            case .open:
                let inner = try parseOr()
                guard position < pieces.count, case .close = pieces[position].piece else { throw error("'(' is not closed") }
                position += 1
                return inner
            default:
                position -= 1
                throw error("unexpected \(describe(piece)) where a word was expected")
            }
        }

        func error(_ message: String) -> DictionaryError {
            let line = position < pieces.count ? pieces[position].line : pieces.last?.line
            return DictionaryError(file: file, line: line, message)
        }

        func describe(_ piece: Piece) -> String {
            switch piece {
            case .word(let word): "word '\(word)'"
            case .open: "'('"
            case .close: "')'"
            case .and: "'and'"
            case .or: "'or'"
            case .not: "'not'"
            case .function(let name, _): "'\(name)()'"
            }
        }
    }
}
