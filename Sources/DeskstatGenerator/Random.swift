/// The independent random streams of an account. Each entity draws from its own stream, keyed
/// by the seed, the stream and the entity's index, so one entity's values never depend on how
/// many numbers another entity consumed — or on the page size.
enum RandomStream: UInt64 {
    case arrivals = 1
    case day
    case ticket
    case ticketKind
    case ticketDeleted
    case problemLink
    case agent
    case agentProfile
    case endUser
    case endUserProfile
    case endUserOrganization
    case organization
    /// A ticket's history (`TicketHistory`): drawn apart from `ticket`, so adding or sizing the
    /// history never changes a ticket or its metric set.
    case ticketEvents
}

/// SplitMix64 (Steele, Lea and Flood): a tiny, fast generator whose output is fully determined by
/// its seed on every platform. Distributions are built from integer and IEEE basic arithmetic
/// only (no `libm`), so the same seed gives the same bytes everywhere.
struct SplitMix64: Sendable {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    /// The generator for entity `index` of `stream`.
    init(seed: UInt64, stream: RandomStream, index: Int) {
        state = Self.derive(seed: seed, stream: stream, index: index)
    }

    /// The 64-bit finaliser of SplitMix64; a good integer hash.
    static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    static func derive(seed: UInt64, stream: RandomStream, index: Int) -> UInt64 {
        let keyed = mix(seed &+ stream.rawValue &* 0x9E37_79B9_7F4A_7C15)
        return mix(keyed ^ UInt64(bitPattern: Int64(index)))
    }

    /// A uniform number in [0, 1) that depends only on (seed, stream, index): for facts about an
    /// entity that other entities need to look up without generating it.
    static func unit(seed: UInt64, stream: RandomStream, index: Int) -> Double {
        var generator = SplitMix64(seed: seed, stream: stream, index: index)
        return generator.unit()
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return Self.mix(state)
    }

    /// Uniform in [0, 1).
    mutating func unit() -> Double { Double(next() >> 11) * 0x1p-53 }

    /// Uniform in `0..<count`; `count` must be positive.
    mutating func below(_ count: Int) -> Int {
        Int(truncatingIfNeeded: next().multipliedFullWidth(by: UInt64(max(1, count))).high)
    }

    /// Uniform in `range` (inclusive).
    mutating func int(in range: ClosedRange<Int64>) -> Int64 {
        range.lowerBound + Int64(below(Int(range.upperBound - range.lowerBound) + 1))
    }

    /// True with probability `probability`.
    mutating func chance(_ probability: Double) -> Bool { unit() < probability }

    /// A standard-normal-like draw: the Irwin–Hall sum of four uniforms, rescaled. Bounded to
    /// about ±3.5, which keeps the long tails of durations believable.
    mutating func normal() -> Double {
        (unit() + unit() + unit() + unit() - 2) * 1.732_050_807_568_877_2
    }

    /// A log-normal duration in seconds with the given median and spread (σ of the logarithm).
    mutating func logNormal(median: Double, spread: Double) -> Double {
        median * DeterministicMath.exp(spread * normal())
    }

    /// One element of a non-empty array.
    mutating func pick<Element>(_ elements: [Element]) -> Element {
        elements[below(elements.count)]
    }
}

/// `exp` from basic IEEE operations, so results are identical on every platform.
enum DeterministicMath {
    /// e^x for |x| ≲ 700, accurate to about 1e-15 relative.
    static func exp(_ x: Double) -> Double {
        let clamped = min(max(x, -700), 700)
        let ln2 = 0.693_147_180_559_945_3
        let k = (clamped / ln2).rounded()
        let r = clamped - k * ln2
        var term = 1.0
        var sum = 1.0
        for n in 1...14 {
            term *= r / Double(n)
            sum += term
        }
        return sum * Double(sign: .plus, exponent: Int(k), significand: 1)
    }
}

/// A weighted choice among a few values.
struct Weighted<Value: Sendable>: Sendable {
    let values: [Value]
    private let cumulative: [Double]

    init(_ entries: [(Value, Double)]) {
        values = entries.map(\.0)
        var running = 0.0
        cumulative = entries.map { entry in
            running += entry.1
            return running
        }
    }

    func pick(_ generator: inout SplitMix64) -> Value {
        let total = cumulative.last ?? 0
        let target = generator.unit() * total
        for (index, bound) in cumulative.enumerated() where target < bound {
            return values[index]
        }
        return values[values.count - 1]
    }
}
