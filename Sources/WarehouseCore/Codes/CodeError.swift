import Foundation

/// Why a string was rejected as a code, with a one-sentence message naming the value, the cause and the fix.
public struct CodeError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The machine-readable cause of a rejection.
    public enum Reason: String, Sendable, Equatable {
        /// The value has the wrong number of characters or digits.
        case wrongLength = "wrong-length"
        /// The value contains a character that is not allowed where it stands.
        case invalidCharacter = "invalid-character"
        /// The value does not follow the printed pattern of the code.
        case badFormat = "bad-format"
        /// A date inside the code is not a real calendar date.
        case invalidDate = "invalid-date"
        /// The check digit does not match the other digits.
        case checksum = "checksum"
        /// The digits are well formed but such a code is never issued.
        case neverIssued = "never-issued"
    }

    /// The code type that rejected the value, e.g. `MST`.
    public let codeType: String
    /// The rejected value exactly as given.
    public let value: String
    /// The machine-readable cause.
    public let reason: Reason
    /// Human-readable cause and fix, without the value (the description adds it).
    public let detail: String

    /// Creates an error for `value` rejected as `codeType` for `reason`, explained by `detail`.
    public init(_ codeType: String, value: String, reason: Reason, detail: String) {
        self.codeType = codeType
        self.value = value
        self.reason = reason
        self.detail = detail
    }

    /// One sentence: `MST "2801234560" is not valid: the check digit should be 4, not 0; re-read …`.
    public var description: String {
        "\(codeType) \"\(value)\" is not valid: \(detail)."
    }

    /// Equality on type, value and reason only (the wording of `detail` may change).
    public static func == (lhs: CodeError, rhs: CodeError) -> Bool {
        lhs.codeType == rhs.codeType && lhs.value == rhs.value && lhs.reason == rhs.reason
    }
}
