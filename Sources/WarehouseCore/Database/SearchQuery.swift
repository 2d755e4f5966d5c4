import Foundation

/// A user's search words turned into FTS5 queries, and the snippet shown for a hit.
struct SearchQuery {
    /// The words as typed (NFC).
    let words: [String]

    init(_ text: String) {
        words = text.precomposedStringWithCanonicalMapping
            .split(whereSeparator: { !($0.isLetter || $0.isNumber) })
            .map(String.init)
    }

    var isEmpty: Bool { words.isEmpty }

    /// Every word must appear, as a phrase token (quotes keep FTS5 syntax out of user input).
    var exactMatch: String {
        words.map { "\"\($0)\"" }.joined(separator: " ")
    }

    var foldedMatch: String {
        words.map { "\"\(VietnameseFolding.fold($0))\"" }.joined(separator: " ")
    }

    /// About 120 characters of `text` around the first word found, compared folded.
    func snippet(in text: String, radius: Int = 60) -> String {
        let characters = Array(text)
        // Fold each character on its own so that folded positions are original positions.
        let folded = characters.map { VietnameseFolding.fold(String($0)).first ?? $0 }
        var hit: Int? = nil
        for word in words {
            let target = Array(VietnameseFolding.fold(word))
            guard !target.isEmpty, target.count <= folded.count else { continue }
            for start in 0...(folded.count - target.count) where folded[start..<start + target.count].elementsEqual(target) {
                hit = start
                break
            }
            if hit != nil { break }
        }
        let center = hit ?? 0
        let from = max(0, center - radius)
        let to = min(characters.count, center + radius)
        var piece = String(characters[from..<to]).replacingOccurrences(of: "\n", with: " ")
        if from > 0 { piece = "…" + piece }
        if to < characters.count { piece += "…" }
        return piece
    }
}
