import Foundation

/// Folds Vietnamese text for robust matching: lower case, no tone or vowel marks, đ → d.
///
/// Folding works character by character and maps each `Character` to exactly one `Character`,
/// so offsets in a folded string are offsets in the (NFC) original.
public enum VietnameseFolding {
    /// `"ĐÍCH"` → `"dich"`, `"Hiện"` → `"hien"`, `"Nữ"` → `"nu"`.
    public static func fold(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text.precomposedStringWithCanonicalMapping {
            out.append(fold(character))
        }
        return out
    }

    /// Folds one character to one character.
    static func fold(_ character: Character) -> Character {
        if let ascii = character.asciiValue {
            return ascii >= 65 && ascii <= 90 ? Character(Unicode.Scalar(ascii + 32)) : character
        }
        switch character {
        case "đ", "Đ", "ð", "Ð": return "d"
        default: break
        }
        let lower = String(character).lowercased().decomposedStringWithCanonicalMapping
        guard let first = lower.unicodeScalars.first else { return character }
        return Character(first)
    }
}
