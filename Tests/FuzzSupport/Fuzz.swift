import Foundation

/// A seeded fuzzer for the parsers of untrusted input, run in tests for a fixed number of cases.
///
/// Each case is a valid input (a seed) with one to four random mutations: bit flips, truncation, insertion
/// of random bytes or of the format's own tokens, deletion, duplication, a huge run, a splice of two seeds.
/// The same seed number gives the same cases on every run, so a failure can be replayed; set
/// `FUZZ_TRACE=DIR` to have each case written to `DIR/<target>.last` before it runs, which leaves the input
/// that crashed the process behind.
///
/// To fuzz one more parser, write a test that calls `Fuzz.run` with a few valid inputs of the parser, the
/// tokens of its format and a body that parses one case and checks the properties (never a crash; either a
/// value or the parser's own typed error with a message; a valid input still round-trips).
public enum Fuzz {
    /// Runs `body` on each seed, then on `cases` mutated inputs.
    public static func run(
        _ target: String, seeds: [[UInt8]], tokens: [[UInt8]] = [], cases: Int, seed: UInt64 = 0x5EED,
        _ body: ([UInt8]) throws -> Void
    ) rethrows {
        for input in inputs(target, seeds: seeds, tokens: tokens, cases: cases, seed: seed) { try body(input) }
    }

    /// The same inputs as a sequence, for asynchronous bodies (`for input in Fuzz.inputs(…) { try await … }`).
    public static func inputs(_ target: String, seeds: [[UInt8]], tokens: [[UInt8]] = [], cases: Int, seed: UInt64 = 0x5EED) -> Inputs {
        precondition(!seeds.isEmpty)
        let trace = ProcessInfo.processInfo.environment["FUZZ_TRACE"].map { URL(fileURLWithPath: $0).appendingPathComponent("\(target).last") }
        return Inputs(mutator: Mutator(seed: seed, seeds: seeds, tokens: tokens), cases: cases, trace: trace)
    }

    /// The seeds, then the mutated cases, each written to the trace file (when set) as it is handed out.
    public struct Inputs: Sequence, IteratorProtocol {
        var mutator: Mutator
        var index = 0
        let cases: Int
        let trace: URL?

        public mutating func next() -> [UInt8]? {
            defer { index += 1 }
            let input: [UInt8]
            if index < mutator.seeds.count {
                input = mutator.seeds[index]
            } else if index < mutator.seeds.count + cases {
                input = mutator.next()
            } else {
                if let trace { try? FileManager.default.removeItem(at: trace) }
                return nil
            }
            if let trace { try? Data(input).write(to: trace) }
            return input
        }
    }
}

/// SplitMix64: small, fast and seeded.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) {
        state = seed
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Makes inputs from valid ones, as coverage-blind fuzzers do.
public struct Mutator: Sendable {
    public var generator: SeededGenerator
    public let seeds: [[UInt8]]
    /// Pieces of the format (separators, keywords, magic numbers) to insert or overwrite with.
    public let tokens: [[UInt8]]

    /// Bytes that break parsers more often than others.
    static let interesting: [UInt8] = [0x00, 0x01, 0x7F, 0x80, 0xC0, 0xC3, 0xE1, 0xEF, 0xFE, 0xFF, 0x0A, 0x0D, 0x22, 0x27, 0x2C, 0x7C, 0x3B, 0x3D, 0x25, 0x5C]

    public init(seed: UInt64, seeds: [[UInt8]], tokens: [[UInt8]]) {
        generator = SeededGenerator(seed: seed)
        self.seeds = seeds
        self.tokens = tokens
    }

    mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &generator) }
    mutating func int(below n: Int) -> Int { n <= 0 ? 0 : Int.random(in: 0..<n, using: &generator) }

    /// A mutated copy of a random seed.
    public mutating func next() -> [UInt8] {
        var input = seeds[int(below: seeds.count)]
        for _ in 0..<int(1...4) { mutate(&input) }
        return input
    }

    /// One random mutation of `input`.
    public mutating func mutate(_ input: inout [UInt8]) {
        let n = input.count
        switch int(below: tokens.isEmpty ? 11 : 13) {
        case 0 where n > 0:  // flip a bit
            input[int(below: n)] ^= 1 << UInt8(int(below: 8))
        case 1 where n > 0:  // an interesting byte
            input[int(below: n)] = Self.interesting[int(below: Self.interesting.count)]
        case 2 where n > 0:  // a random byte
            input[int(below: n)] = UInt8.random(in: 0...255, using: &generator)
        case 3:  // cut short
            input.removeLast(int(below: n + 1))
        case 4 where n > 0:  // delete a range
            let start = int(below: n)
            input.removeSubrange(start..<min(n, start + int(1...16)))
        case 5:  // insert random bytes
            let bytes = (0..<int(1...8)).map { _ in UInt8.random(in: 0...255, using: &generator) }
            input.insert(contentsOf: bytes, at: int(below: n + 1))
        case 6 where n > 0:  // duplicate a range
            let start = int(below: n)
            let piece = input[start..<min(n, start + int(1...64))]
            input.insert(contentsOf: piece, at: int(below: n + 1))
        case 7 where int(below: 4) == 0:  // a huge run of one byte (rarer: it makes a case slow)
            let byte = int(below: 2) == 0 ? UInt8(ascii: "A") : Self.interesting[int(below: Self.interesting.count)]
            input.insert(contentsOf: [UInt8](repeating: byte, count: int(1...70_000)), at: int(below: n + 1))
        case 8:  // splice with another seed
            let other = seeds[int(below: seeds.count)]
            let cut = int(below: n + 1)
            let from = int(below: other.count + 1)
            input = Array(input[..<cut]) + Array(other[from...])
        case 9 where n > 0:  // swap two bytes
            input.swapAt(int(below: n), int(below: n))
        case 10:  // an interesting byte inserted
            input.insert(Self.interesting[int(below: Self.interesting.count)], at: int(below: n + 1))
        case 11:  // a token inserted
            input.insert(contentsOf: tokens[int(below: tokens.count)], at: int(below: n + 1))
        case 12 where n > 0:  // a token over the bytes
            let token = tokens[int(below: tokens.count)]
            let start = int(below: n)
            input.replaceSubrange(start..<min(n, start + token.count), with: token)
        default:
            input.append(UInt8.random(in: 0...255, using: &generator))
        }
    }
}
