import Foundation

/// Reads one JSON Lines record straight from its UTF-8 bytes: the members
/// kiji maps are decoded, the others are kept as raw JSON for lazy `meta`.
///
/// It accepts only what JSONDecoder accepts, and gives the values
/// JSONDecoder gives. Whatever it is unsure of (invalid JSON, trailing
/// commas, a repeated mapped key, a mapped field of an unexpected kind, a
/// mapped number that is not a plain integer, nesting beyond the limit) makes
/// it return nil; the caller then decodes the line with JSONDecoder as
/// before, so documents and error messages stay exactly what they were.
/// The input must be valid UTF-8 (the loader validates the whole file).
struct JSONRecordScanner {
    struct Record {
        /// The mapped members, as JSONDecoder decodes them.
        var fields: [String: JSONValue] = [:]
        /// The other members as one JSON object, in the record's order.
        var meta: DocumentMeta = [:]
    }

    private let bytes: UnsafeBufferPointer<UInt8>
    private var index = 0

    static func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> Record? {
        var scanner = JSONRecordScanner(bytes: bytes)
        return scanner.record()
    }

    private init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    // MARK: the record

    private mutating func record() -> Record? {
        skipWhitespace()
        guard take(.openBrace) else { return nil }
        var record = Record()
        var metaMembers: [Range<Int>] = []
        skipWhitespace()
        if !take(.closeBrace) {
            while true {
                let memberStart = index
                guard let mapped = key() else { return nil }
                skipWhitespace()
                guard take(.colon) else { return nil }
                skipWhitespace()
                if let name = mapped {
                    // JSONDecoder keeps the first of repeated keys; rare enough to leave to it.
                    guard record.fields[name] == nil, let value = mappedValue() else { return nil }
                    record.fields[name] = value
                } else {
                    guard skipValue(depth: 1) else { return nil }
                    metaMembers.append(memberStart..<index)
                }
                skipWhitespace()
                if take(.comma) {
                    skipWhitespace()
                    continue
                }
                guard take(.closeBrace) else { return nil }
                break
            }
        }
        skipWhitespace()
        guard index == bytes.count else { return nil }
        if !metaMembers.isEmpty { record.meta = .raw(joinedObject(metaMembers)) }
        return record
    }

    /// `{member,member,…}` from the members' bytes.
    private func joinedObject(_ members: [Range<Int>]) -> [UInt8] {
        var object: [UInt8] = [.openBrace]
        object.reserveCapacity(members.reduce(members.count + 1) { $0 + $1.count })
        for (position, member) in members.enumerated() {
            if position > 0 { object.append(.comma) }
            object.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[member]))
        }
        object.append(.closeBrace)
        return object
    }

    /// The keys kiji maps, as bytes, with their names.
    private static let mappedKeys: [([UInt8], String)] = JSONLinesReader.mappedKeys.sorted().map { (Array($0.utf8), $0) }

    /// A member's key: `.some(name)` for a mapped key, `.some(nil)` for
    /// another, nil when it is not a valid string.
    private mutating func key() -> String?? {
        guard let scanned = string(decoding: true) else { return nil }
        func mapped(_ key: UnsafeBufferPointer<UInt8>) -> String? {
            Self.mappedKeys.first { $0.0.elementsEqual(key) }?.1
        }
        switch scanned {
        case .plain(let range): return .some(mapped(UnsafeBufferPointer(rebasing: bytes[range])))
        case .escaped(let decoded): return .some(decoded.withUnsafeBufferPointer { mapped($0) })
        }
    }

    /// The value of a mapped member: a string, null, a plain integer or an
    /// array of strings; nil for anything else.
    private mutating func mappedValue() -> JSONValue? {
        guard index < bytes.count else { return nil }
        switch bytes[index] {
        case .quote: return stringValue().map(JSONValue.string)
        case UInt8(ascii: "n"): return literal("null") ? .null : nil
        case .openBracket:
            index += 1
            var items: [JSONValue] = []
            skipWhitespace()
            if take(.closeBracket) { return .array(items) }
            while true {
                guard index < bytes.count, bytes[index] == .quote, let item = stringValue() else { return nil }
                items.append(.string(item))
                skipWhitespace()
                if take(.comma) {
                    skipWhitespace()
                    continue
                }
                return take(.closeBracket) ? .array(items) : nil
            }
        default:
            guard let number = number(), number.isPlainInteger else { return nil }
            return plainInteger(number.range).map(JSONValue.integer)
        }
    }

    // MARK: values kept raw

    /// Skips one value, checking it as JSONDecoder would. `depth` is that of
    /// the container holding it (the record is 1).
    private mutating func skipValue(depth: Int) -> Bool {
        guard index < bytes.count else { return false }
        switch bytes[index] {
        case .quote: return string(decoding: false) != nil
        case UInt8(ascii: "t"): return literal("true")
        case UInt8(ascii: "f"): return literal("false")
        case UInt8(ascii: "n"): return literal("null")
        case .openBrace, .openBracket:
            let isObject = bytes[index] == .openBrace
            // Deeper records are refused by the caller's fallback, with its message.
            guard depth + 1 <= JSONLinesReader.maxMetaDepth + 1 else { return false }
            index += 1
            skipWhitespace()
            if take(isObject ? .closeBrace : .closeBracket) { return true }
            while true {
                if isObject {
                    guard string(decoding: false) != nil else { return false }
                    skipWhitespace()
                    guard take(.colon) else { return false }
                    skipWhitespace()
                }
                guard skipValue(depth: depth + 1) else { return false }
                skipWhitespace()
                if take(.comma) {
                    skipWhitespace()
                    continue
                }
                return take(isObject ? .closeBrace : .closeBracket)
            }
        default:
            guard let number = number() else { return false }
            return number.isPlainInteger || Self.decoderAccepts(UnsafeBufferPointer(rebasing: bytes[number.range]))
        }
    }

    /// Whether JSONDecoder reads this number as a `JSONValue` (it refuses
    /// those beyond Double's range, such as 1e400). Asked only for numbers
    /// with a fraction, an exponent or many digits.
    static func decoderAccepts(_ number: UnsafeBufferPointer<UInt8>) -> Bool {
        var json: [UInt8] = [.openBracket]
        json.append(contentsOf: number)
        json.append(.closeBracket)
        return (try? JSONDecoder().decode([JSONValue].self, from: Data(json))) != nil
    }

    // MARK: tokens

    private mutating func skipWhitespace() {
        while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x09 || bytes[index] == 0x0D || bytes[index] == 0x0A {
            index += 1
        }
    }

    private mutating func take(_ byte: UInt8) -> Bool {
        guard index < bytes.count, bytes[index] == byte else { return false }
        index += 1
        return true
    }

    private mutating func literal(_ word: StaticString) -> Bool {
        let count = word.utf8CodeUnitCount
        guard bytes.count - index >= count else { return false }
        let matches = word.withUTF8Buffer { UnsafeBufferPointer(rebasing: bytes[index..<(index + count)]).elementsEqual($0) }
        if matches { index += count }
        return matches
    }

    /// A JSON number: its bytes, and whether it is an integer of at most 18
    /// digits (which JSONDecoder always reads as that `Int`).
    private mutating func number() -> (range: Range<Int>, isPlainInteger: Bool)? {
        let start = index
        _ = take(UInt8(ascii: "-"))
        let digitsStart = index
        if take(UInt8(ascii: "0")) {
            // A leading zero stands alone.
        } else {
            guard skipDigits() else { return nil }
        }
        let integerEnd = index
        if take(UInt8(ascii: ".")) {
            guard skipDigits() else { return nil }
        }
        if take(UInt8(ascii: "e")) || take(UInt8(ascii: "E")) {
            if !take(UInt8(ascii: "+")) { _ = take(UInt8(ascii: "-")) }
            guard skipDigits() else { return nil }
        }
        return (start..<index, index == integerEnd && integerEnd - digitsStart <= 18)
    }

    /// Skips one or more digits; false when there is none.
    private mutating func skipDigits() -> Bool {
        let start = index
        while index < bytes.count, (0x30...0x39).contains(bytes[index]) { index += 1 }
        return index > start
    }

    /// The value of a plain integer (at most 18 digits, so it cannot overflow).
    private func plainInteger(_ range: Range<Int>) -> Int? {
        var value = 0
        var negative = false
        for position in range {
            let byte = bytes[position]
            if byte == UInt8(ascii: "-") { negative = true; continue }
            guard (0x30...0x39).contains(byte) else { return nil }
            value = value * 10 + Int(byte - 0x30)
        }
        return negative ? -value : value
    }

    /// A string's bytes: a range of the input when it has no escapes.
    private enum ScannedString {
        case plain(Range<Int>)
        case escaped([UInt8])
    }

    private mutating func stringValue() -> String? {
        switch string(decoding: true) {
        case .plain(let range)?: return String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
        case .escaped(let decoded)?: return String(decoding: decoded, as: UTF8.self)
        case nil: return nil
        }
    }

    /// Scans a string from its opening quote, refusing what JSONDecoder
    /// refuses: control characters, unknown escapes, lone surrogates.
    private mutating func string(decoding: Bool) -> ScannedString? {
        guard take(.quote) else { return nil }
        let start = index
        skipPlainBytes()
        guard index < bytes.count else { return nil }
        if bytes[index] == .quote {
            index += 1
            return .plain(start..<(index - 1))
        }
        var decoded: [UInt8] = []
        var runStart = start
        while index < bytes.count {
            let byte = bytes[index]
            if decoding { decoded.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index])) }
            index += 1
            switch byte {
            case .quote: return .escaped(decoded)
            case .backslash:
                guard let unescaped = escape() else { return nil }
                if decoding { appendUTF8(unescaped, to: &decoded) }
            default: return nil  // a control character
            }
            runStart = index
            skipPlainBytes()
        }
        return nil
    }

    /// Moves to the next quote, backslash or control character (or the end).
    private mutating func skipPlainBytes() {
        while index < bytes.count {
            let byte = bytes[index]
            if byte == .quote || byte == .backslash || byte < 0x20 { return }
            index += 1
        }
    }

    /// The scalar of the escape after a backslash.
    private mutating func escape() -> Unicode.Scalar? {
        guard index < bytes.count else { return nil }
        let letter = bytes[index]
        index += 1
        switch letter {
        case .quote, .backslash, UInt8(ascii: "/"): return Unicode.Scalar(letter)
        case UInt8(ascii: "b"): return "\u{8}"
        case UInt8(ascii: "f"): return "\u{C}"
        case UInt8(ascii: "n"): return "\n"
        case UInt8(ascii: "r"): return "\r"
        case UInt8(ascii: "t"): return "\t"
        case UInt8(ascii: "u"):
            guard let unit = hex4() else { return nil }
            switch unit {
            case 0xD800...0xDBFF:
                guard take(.backslash), take(UInt8(ascii: "u")), let low = hex4(), (0xDC00...0xDFFF).contains(low) else { return nil }
                return Unicode.Scalar(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00))
            case 0xDC00...0xDFFF: return nil
            default: return Unicode.Scalar(unit)
            }
        default: return nil
        }
    }

    private mutating func hex4() -> UInt32? {
        guard bytes.count - index >= 4 else { return nil }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            let digit: UInt8
            switch byte {
            case 0x30...0x39: digit = byte - 0x30
            case 0x41...0x46: digit = byte - 0x41 + 10
            case 0x61...0x66: digit = byte - 0x61 + 10
            default: return nil
            }
            value = value << 4 | UInt32(digit)
            index += 1
        }
        return value
    }

    private func appendUTF8(_ scalar: Unicode.Scalar, to bytes: inout [UInt8]) {
        let value = scalar.value
        switch value {
        case 0..<0x80: bytes.append(UInt8(value))
        case 0x80..<0x800: bytes += [UInt8(0xC0 | value >> 6), UInt8(0x80 | value & 0x3F)]
        case 0x800..<0x10000: bytes += [UInt8(0xE0 | value >> 12), UInt8(0x80 | value >> 6 & 0x3F), UInt8(0x80 | value & 0x3F)]
        default: bytes += [UInt8(0xF0 | value >> 18), UInt8(0x80 | value >> 12 & 0x3F), UInt8(0x80 | value >> 6 & 0x3F), UInt8(0x80 | value & 0x3F)]
        }
    }
}

private extension UInt8 {
    static let quote = UInt8(ascii: "\"")
    static let backslash = UInt8(ascii: "\\")
    static let openBrace = UInt8(ascii: "{")
    static let closeBrace = UInt8(ascii: "}")
    static let openBracket = UInt8(ascii: "[")
    static let closeBracket = UInt8(ascii: "]")
    static let colon = UInt8(ascii: ":")
    static let comma = UInt8(ascii: ",")
}
