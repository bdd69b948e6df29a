/// Appends the pieces of a store record: LEB128 varints, length-prefixed
/// bytes and strings, fixed-width little-endian integers.
struct StoreByteWriter {
    private(set) var bytes: [UInt8] = []

    mutating func varint(_ value: Int) {
        var rest = UInt(bitPattern: value)
        while rest >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    mutating func byte(_ value: UInt8) { bytes.append(value) }

    mutating func fixed64(_ value: UInt64) {
        StoreFormat.appendLittleEndian(value, width: 8, to: &bytes)
    }

    mutating func data(_ value: some Collection<UInt8>) {
        varint(value.count)
        bytes.append(contentsOf: value)
    }

    mutating func string(_ value: String) { data(value.utf8) }

    mutating func strings(_ values: [String]) {
        varint(values.count)
        for value in values { string(value) }
    }
}

/// Why a store's bytes cannot be what kiji wrote.
struct StoreDamage: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// Reads what ``StoreByteWriter`` wrote, checking every length against the
/// bytes that are left, so damaged bytes give ``StoreDamage``, never a trap.
struct StoreByteReader {
    let bytes: UnsafeBufferPointer<UInt8>
    private(set) var offset = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    var isAtEnd: Bool { offset == bytes.count }

    mutating func varint() throws -> Int {
        var value: UInt = 0
        var shift: UInt = 0
        while offset < bytes.count, shift < 63 {
            let byte = bytes[offset]
            offset += 1
            value |= UInt(byte & 0x7F) << shift
            if byte < 0x80 {
                guard value <= UInt(Int.max) else { break }
                return Int(value)
            }
            shift += 7
        }
        throw StoreDamage("a number is cut off or too large")
    }

    mutating func byte() throws -> UInt8 {
        guard offset < bytes.count else { throw StoreDamage("the record ends early") }
        defer { offset += 1 }
        return bytes[offset]
    }

    mutating func fixed64() throws -> UInt64 {
        guard bytes.count - offset >= 8 else { throw StoreDamage("the record ends early") }
        var value: UInt64 = 0
        for index in 0..<8 { value |= UInt64(bytes[offset + index]) << UInt64(index * 8) }
        offset += 8
        return value
    }

    /// A length-prefixed run of bytes, in place.
    mutating func data() throws -> UnsafeBufferPointer<UInt8> {
        let count = try varint()
        guard count <= bytes.count - offset else { throw StoreDamage("a length runs past the record's end") }
        defer { offset += count }
        return UnsafeBufferPointer(rebasing: bytes[offset..<offset + count])
    }

    mutating func string() throws -> String {
        let bytes = try data()
        guard let text = String(validating: bytes, as: UTF8.self) else { throw StoreDamage("a text is not UTF-8") }
        return text
    }

    mutating func strings() throws -> [String] {
        let count = try varint()
        // Each string takes at least one byte, which bounds the count.
        guard count <= bytes.count - offset else { throw StoreDamage("a list is longer than the record") }
        return try (0..<count).map { _ in try string() }
    }
}
