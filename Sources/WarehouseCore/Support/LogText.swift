import Foundation

/// Text from outside (a file name, a reason quoting it) made safe for one line of a log: control characters,
/// line and paragraph separators and bidirectional overrides become `\u{…}` escapes, so that a file named
/// "a\n2026-01-01 … info …" cannot forge a line, and a name with U+202E cannot show reversed.
public enum LogText {
    public static func escaped(_ text: String) -> String {
        var out = ""
        out.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            if isUnsafe(scalar) {
                out += "\\u{\(String(scalar.value, radix: 16))}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    static func isUnsafe(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }
}
