import Foundation

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
