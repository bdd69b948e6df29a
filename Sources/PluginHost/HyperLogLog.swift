import Foundation

/// A HyperLogLog sketch (Flajolet et al. 2007, with its small-range
/// correction: linear counting while registers are empty) for `distinct_approx`: 2^14 registers of
/// one byte, a relative standard error of 1.04 / √16384 ≈ 0.81%. Registers
/// only ever grow to a maximum, so the estimate does not depend on the order
/// of the values, and two sketches merge exactly (register by register).
struct HyperLogLog: Hashable, Sendable {
    static let precision = 14
    static let registerCount = 1 << precision
    /// Allocated on the first value, so an empty group costs nothing.
    private(set) var registers: [UInt8] = []

    init() {}

    /// A sketch with these registers; nil when they are not a sketch's.
    init?(registers: [UInt8]) {
        guard registers.isEmpty || registers.count == Self.registerCount,
              registers.allSatisfy({ Int($0) <= 64 - Self.precision + 1 }) else { return nil }
        self.registers = registers
    }

    mutating func add(hash: UInt64) {
        if registers.isEmpty { registers = Array(repeating: 0, count: Self.registerCount) }
        let index = Int(hash >> UInt64(64 - Self.precision))
        let rest = hash << UInt64(Self.precision)
        // The position of the first 1 bit in the remaining 50 bits (51 when all are 0).
        let rank = UInt8(min(rest.leadingZeroBitCount, 64 - Self.precision) + 1)
        if rank > registers[index] { registers[index] = rank }
    }

    mutating func merge(_ other: HyperLogLog) {
        guard !other.registers.isEmpty else { return }
        guard !registers.isEmpty else { registers = other.registers; return }
        for index in registers.indices where other.registers[index] > registers[index] {
            registers[index] = other.registers[index]
        }
    }

    /// The estimated number of distinct values.
    var estimate: Int {
        guard !registers.isEmpty else { return 0 }
        let m = Double(Self.registerCount)
        var harmonic = 0.0
        var zeros = 0
        for register in registers {
            harmonic += 1 / Double(UInt64(1) << UInt64(register))
            if register == 0 { zeros += 1 }
        }
        let alpha = 0.7213 / (1 + 1.079 / m)
        var estimate = alpha * m * m / harmonic
        // Linear counting is the better estimate while many registers are empty.
        if zeros > 0 && estimate <= 2.5 * m { estimate = m * log(m / Double(zeros)) }
        return Int(estimate.rounded())
    }

    /// A 64-bit hash of a canonical cell that is the same in every process
    /// (Swift's `Hasher` is seeded per process): FNV-1a over a kind byte and
    /// the value's bytes, then the MurmurHash3 finaliser to spread the bits.
    static func hash(_ cell: Cell) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        func mix(_ byte: UInt8) {
            h ^= UInt64(byte)
            h = h &* 0x0000_0100_0000_01b3
        }
        func mix(_ word: UInt64) { for shift in stride(from: 0, to: 64, by: 8) { mix(UInt8(truncatingIfNeeded: word >> UInt64(shift))) } }
        switch cell {
        case .empty: mix(UInt8(0))
        case .integer(let i): mix(UInt8(1)); mix(UInt64(bitPattern: Int64(i)))
        case .number(let d): mix(UInt8(2)); mix(d.bitPattern)
        case .boolean(let b): mix(UInt8(3)); mix(UInt8(b ? 1 : 0))
        case .string(let s): mix(UInt8(4)); for byte in s.utf8 { mix(byte) }
        }
        h ^= h >> 33
        h = h &* 0xff51_afd7_ed55_8ccd
        h ^= h >> 33
        h = h &* 0xc4ce_b9fe_1a85_ec53
        h ^= h >> 33
        return h
    }
}
