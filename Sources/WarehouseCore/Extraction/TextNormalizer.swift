import Foundation

/// Cleans raw OCR text: NFC, one kind of Đ, single spaces, and digit repair inside numbers.
enum TextNormalizer {
    /// NFC, `Ð`(U+00D0) → `Đ`, tabs and runs of spaces collapsed, trimmed.
    static func normalizeLine(_ line: String) -> String {
        var s = line.precomposedStringWithCanonicalMapping
        s = s.replacingOccurrences(of: "\u{00D0}", with: "\u{0110}").replacingOccurrences(of: "\u{00F0}", with: "\u{0111}")
        s = s.replacingOccurrences(of: "\u{00A0}", with: " ").replacingOccurrences(of: "\t", with: " ")
        s = s.replacingOccurrences(of: "[\u{2013}\u{2014}]", with: "-", options: .regularExpression)
        s = s.replacingOccurrences(of: " {2,}", with: " ", options: .regularExpression)
        return s.trimmingCharacters(in: .whitespaces)
    }

    /// Characters OCR puts for digits: `O`/`o`/`Q`/`D` → 0, `l`/`I`/`i`/`|`/`!` → 1, `S`/`s` → 5, `B` → 8, `Z` → 2, `G` → 6.
    static let digitLookalikes: [Character: Character] = [
        "O": "0", "o": "0", "Q": "0", "D": "0",
        "l": "1", "I": "1", "i": "1", "|": "1", "!": "1",
        "S": "5", "s": "5", "B": "8", "Z": "2", "z": "2", "G": "6",
    ]

    /// Replaces look-alike letters by digits in a token meant to be numeric; returns the token and whether anything changed.
    static func repairDigits(_ token: String) -> (String, repaired: Bool) {
        var changed = false
        let out = String(token.map { c -> Character in
            if c.isASCII, c.isNumber { return c }
            if let d = digitLookalikes[c] {
                changed = true
                return d
            }
            return c
        })
        return (out, changed)
    }

    /// Title-cases a name printed in capitals (`NGUYỄN VĂN AN` → `Nguyễn Văn An`); mixed case is kept.
    static func nameCase(_ name: String) -> String {
        let cleaned = normalizeLine(name)
        let letters = cleaned.filter(\.isLetter)
        guard !letters.isEmpty else { return cleaned }
        let upper = letters.filter(\.isUppercase).count
        let lower = letters.count - upper
        guard upper == letters.count || lower == letters.count || Double(upper) / Double(letters.count) >= 0.75 else {
            return cleaned
        }
        return cleaned.split(separator: " ").map { word in
            guard let first = word.first else { return String(word) }
            return String(first).uppercased() + word.dropFirst().lowercased()
        }.joined(separator: " ")
    }

    /// Strips separators and punctuation OCR leaves around a value.
    static func trimValue(_ value: String) -> String {
        var s = normalizeLine(value)
        let junk = CharacterSet(charactersIn: " :;,.-_|=*•~'\"`")
        s = s.trimmingCharacters(in: junk)
        return s
    }

    /// True when the letters of `text` are (nearly) all capitals.
    static func isMostlyUppercase(_ text: String) -> Bool {
        let letters = text.filter(\.isLetter)
        guard letters.count >= 2 else { return false }
        return Double(letters.filter(\.isUppercase).count) / Double(letters.count) >= 0.75
    }
}
