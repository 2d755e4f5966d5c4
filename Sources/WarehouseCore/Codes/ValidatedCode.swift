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

/// Small helpers shared by the code parsers.
enum CodeText {
    /// Trims surrounding whitespace and removes spaces inside (OCR and typists group digits).
    static func compact(_ string: String) -> String {
        String(string.unicodeScalars.filter { !CharacterSet.whitespacesAndNewlines.contains($0) }.map(Character.init))
    }

    /// True when every character is an ASCII digit (and there is at least one).
    static func isDigits(_ string: Substring) -> Bool {
        !string.isEmpty && string.allSatisfy { $0.isASCII && $0.isNumber }
    }

    /// True when every character is an ASCII digit (and there is at least one).
    static func isDigits(_ string: String) -> Bool {
        isDigits(Substring(string))
    }

    /// Digit count of a string, for messages.
    static func digitCount(_ string: String) -> Int {
        string.filter { $0.isASCII && $0.isNumber }.count
    }
}
