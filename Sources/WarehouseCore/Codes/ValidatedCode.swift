import Foundation

/// A code validated on construction, stored and encoded as its normalised string.
public protocol ValidatedCode: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Parses and validates `string`, or throws a `CodeError` that says what is wrong.
    init(_ string: String) throws(CodeError)
    /// The normalised string form.
    var rawValue: String { get }
}

extension ValidatedCode {
    /// The normalised string form.
    public var description: String { rawValue }

    /// Decodes the code from a single string and validates it.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let string = try container.decode(String.self)
        do {
            try self.init(string)
        } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.description)
        }
    }

    /// Encodes the code as its normalised string.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
