import Crypto
import Foundation

/// The name of a blob: the SHA-256 of its bytes, as 64 lower-case hex digits.
public struct BlobID: Hashable, Sendable, Codable, CustomStringConvertible, Comparable {
    public let hex: String

    /// Accepts exactly 64 lower-case hex digits.
    public init?(hex: String) {
        guard hex.utf8.count == 64, hex.utf8.allSatisfy({ (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }) else {
            return nil
        }
        self.hex = hex
    }

    init(digest: SHA256.Digest) {
        self.hex = digest.hexString
    }

    /// The SHA-256 of `data`.
    public static func of(_ data: some DataProtocol) -> BlobID {
        BlobID(digest: SHA256.hash(data: data))
    }

    /// The SHA-256 of a file's bytes, read in 1 MiB pieces.
    public static func ofFile(_ url: URL) throws(BlobStoreError) -> BlobID {
        try FileIO.hashFile(url).id
    }

    /// The first 12 hex digits, for people.
    public var short: String { String(hex.prefix(12)) }
    public var description: String { hex }
    public static func < (a: BlobID, b: BlobID) -> Bool { a.hex < b.hex }

    public init(from decoder: any Decoder) throws {
        let s = try decoder.singleValueContainer().decode(String.self)
        guard let id = BlobID(hex: s) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a SHA-256 hex digest: \(s)"))
        }
        self = id
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(hex)
    }
}
