import Foundation

/// One written Vietnamese syllable, split into onset, medial glide, nucleus, coda and tone.
///
/// The parts are spelled as written, not as pronounced: `quyết` is onset `q`, medial `u`, nucleus `yê`,
/// coda `t`, tone sắc; `tay` is nucleus `a`, coda `y`; `gìn` is onset `gi`, nucleus `i` (the `i` of `gi` and
/// of the rhyme is written once). Parsing checks that the letters split into a known onset and a known
/// rhyme; ``isValid`` adds the phonotactic and spelling rules (stop codas take only sắc or nặng, `k`/`gh`/`ngh`
/// only before `i y e ê`, `c`/`g`/`ng` only elsewhere, tone mark on the vowel orthography wants).
///
/// The case of the input (`QUYÉT`, `Tĩnh`) is remembered and applied again by ``text``.
struct VietnameseSyllable: Hashable, Sendable {
    /// The six tones, in the usual order.
    enum Tone: Int, CaseIterable, Sendable {
        case ngang, huyen, sac, hoi, nga, nang

        /// The combining mark written for the tone (none for ngang).
        var mark: Unicode.Scalar? {
            switch self {
            case .ngang: nil
            case .huyen: "\u{0300}"
            case .sac: "\u{0301}"
            case .hoi: "\u{0309}"
            case .nga: "\u{0303}"
            case .nang: "\u{0323}"
            }
        }
    }

    /// Where the tone mark goes on the open rhymes `oa`, `oe`, `uy`: `hòa, thủy` or `hoà, thuỷ`.
    enum TonePlacement: Sendable {
        /// `hòa`, `hòe`, `thủy`: the mark on the first vowel (the usage of administrative templates).
        case traditional
        /// `hoà`, `hoè`, `thuỷ`: the mark on the main vowel.
        case modern
    }

    /// The case pattern of the written syllable.
    enum LetterCase: Hashable, Sendable {
        case lower
        case upper
        /// First letter upper case, the rest lower case.
        case title
        /// Any other pattern, one flag per character (`true` = upper case).
        case mixed([Bool])

        /// The pattern of `text` (letters only are looked at; others count as lower case).
        init(of text: String) {
            self.init(flags: text.map(\.isUppercase))
        }

        /// The pattern of `text`, given `text.lowercased()`: a character is upper case where they differ.
        init(of text: String, lower: String) {
            guard text.utf8.count == lower.utf8.count, text.count == lower.count else {
                self.init(of: text)
                return
            }
            self.init(flags: zip(text, lower).map { $0 != $1 })
        }

        private init(flags: [Bool]) {
            if !flags.contains(true) {
                self = .lower
            } else if !flags.contains(false) {
                self = flags.count == 1 ? .title : .upper
            } else if flags.first == true && !flags.dropFirst().contains(true) {
                self = .title
            } else {
                self = .mixed(flags)
            }
        }

        /// `lower` written in this pattern.
        func apply(to lower: String) -> String {
            switch self {
            case .lower:
                return lower
            case .upper:
                return lower.uppercased()
            case .title:
                guard let first = lower.first else { return lower }
                return String(first).uppercased() + lower.dropFirst()
            case .mixed(let flags):
                guard flags.count == lower.count else { return lower }
                var out = ""
                for (character, upper) in zip(lower, flags) {
                    out += upper ? String(character).uppercased() : String(character)
                }
                return out
            }
        }
    }

    /// `""` (no onset), `b`, `ch`, `đ`, `gi`, `ngh`, `q` (always with medial `u`), …
    let onset: String
    /// `""`, `o` (`hoa`) or `u` (`quê`, `thuận`, `huy`).
    let medial: String
    /// The written nucleus: a single vowel letter or one of `ia iê yê ya ua uô ưa ươ oo`.
    let nucleus: String
    /// `""`, a consonant coda (`c ch m n ng nh p t`) or a semivowel coda (`i y o u`).
    let coda: String
    let tone: Tone
    /// The placement the input used on `oa`, `oe`, `uy` (traditional when it did not show).
    let placement: TonePlacement
    /// The case pattern of the input.
    let letterCase: LetterCase
    /// Whether the input had its tone mark on the vowel that orthography wants (either placement).
    let hasRegularMark: Bool

    // MARK: - Parsing

    /// Splits a syllable; `nil` when its letters are not a Vietnamese onset and rhyme or it has two tone marks.
    ///
    /// Any case is accepted; the text is NFC-normalised first. `ð` (U+00F0) is not `đ`.
    init?(_ text: String) {
        let nfc = text.precomposedStringWithCanonicalMapping
        self.init(lower: nfc.lowercased(), letterCase: LetterCase(of: nfc))
    }

    /// Splits a syllable already lower-cased and NFC-normalised, written in `letterCase`.
    init?(lower: String, letterCase: LetterCase) {
        guard !lower.isEmpty, lower.utf8.count <= 24, lower.count <= 8 else { return nil }
        var tone = Tone.ngang
        var toneIndex: Int?
        var bare = [Character]()
        bare.reserveCapacity(lower.count)
        for (i, character) in lower.enumerated() {
            guard let entry = VietnameseSyllable.letterTable[character] else { return nil }
            if entry.tone != .ngang {
                guard toneIndex == nil else { return nil }
                tone = entry.tone
                toneIndex = i
            }
            bare.append(entry.bare)
        }
        guard let parts = VietnameseSyllable.split(bare) else { return nil }
        self.onset = parts.onset
        self.medial = parts.medial
        self.nucleus = parts.nucleus
        self.coda = parts.coda
        self.tone = tone
        self.letterCase = letterCase
        if let toneIndex {
            let traditional = VietnameseSyllable.markIndex(onset: onset, medial: medial, nucleus: nucleus, coda: coda, placement: .traditional)
            let modern = VietnameseSyllable.markIndex(onset: onset, medial: medial, nucleus: nucleus, coda: coda, placement: .modern)
            self.placement = toneIndex == modern && modern != traditional ? .modern : .traditional
            self.hasRegularMark = toneIndex == traditional || toneIndex == modern
        } else {
            self.placement = .traditional
            self.hasRegularMark = true
        }
    }

    /// Builds a syllable from its parts (spelled as ``init(_:)`` splits them).
    init(onset: String, medial: String, nucleus: String, coda: String, tone: Tone,
         placement: TonePlacement = .traditional, letterCase: LetterCase = .lower) {
        self.onset = onset
        self.medial = medial
        self.nucleus = nucleus
        self.coda = coda
        self.tone = tone
        self.placement = placement
        self.letterCase = letterCase
        self.hasRegularMark = true
    }

    /// Whether `text` is a well-formed Vietnamese syllable.
    static func isValid(_ text: String) -> Bool {
        VietnameseSyllable(text)?.isValid ?? false
    }

    // MARK: - Rules

    /// Whether the syllable obeys Vietnamese phonotactics and spelling.
    var isValid: Bool {
        guard hasRegularMark else { return false }
        // Stop codas take only the two "entering" tones.
        if (coda == "c" || coda == "ch" || coda == "p" || coda == "t") && tone != .sac && tone != .nang { return false }
        let first = medial.first ?? nucleus.first ?? "a"
        let front = first == "i" || first == "y" || first == "e" || first == "ê"
        switch onset {
        case "k", "gh", "ngh":
            guard front, medial.isEmpty else { return false }
        case "c", "g", "ng":
            guard !front else { return false }
            if onset == "c" && !medial.isEmpty { return false }
        default:
            break
        }
        // `iê` is written `yê` with no onset and after the glide `u`; `ia` becomes `ya` after the glide.
        if nucleus == "iê" && (onset.isEmpty || !medial.isEmpty) { return false }
        if nucleus == "yê" && !onset.isEmpty && medial.isEmpty { return false }
        return true
    }

    /// The syllable without its tone, lower case (`quyết` → `quyêt`).
    var base: String { render(tone: .ngang, placement: .traditional) }

    /// The syllable in lower case with the traditional tone placement: the form lexicons are keyed by.
    var canonical: String { render(tone: tone, placement: .traditional) }

    /// The syllable as it would be written, in its own case pattern and tone placement.
    var text: String { letterCase.apply(to: render(tone: tone, placement: placement)) }

    /// The same syllable with another tone (the result may be invalid: check ``isValid``).
    func with(tone: Tone) -> VietnameseSyllable {
        VietnameseSyllable(onset: onset, medial: medial, nucleus: nucleus, coda: coda, tone: tone,
                           placement: placement, letterCase: letterCase)
    }

    /// The same syllable written in another case pattern.
    func with(letterCase: LetterCase) -> VietnameseSyllable {
        VietnameseSyllable(onset: onset, medial: medial, nucleus: nucleus, coda: coda, tone: tone,
                           placement: placement, letterCase: letterCase)
    }

    /// Every valid syllable that differs from this one only in tone, vowel marks (a/ă/â, e/ê, o/ô/ơ, u/ư) and d/đ,
    /// itself included, in the case pattern and tone placement of this one.
    var variants: [VietnameseSyllable] {
        VietnameseSyllable.variants(of: base).map {
            VietnameseSyllable(onset: $0.onset, medial: $0.medial, nucleus: $0.nucleus, coda: $0.coda, tone: $0.tone,
                               placement: placement, letterCase: letterCase)
        }
    }

    /// Every valid syllable spelled like `text` up to tone, vowel marks and d/đ, in the case pattern of `text`
    /// and the traditional tone placement. `text` need not be a syllable itself (`QUYÉT` gives `QUYẾT`, …).
    static func variants(of text: String) -> [VietnameseSyllable] {
        let letterCase = LetterCase(of: text.precomposedStringWithCanonicalMapping)
        let letters = Array(VietnameseFolding.fold(text))
        guard !letters.isEmpty, letters.count <= 8 else { return [] }
        var spellings: [String] = [""]
        for letter in letters {
            let options = VietnameseSyllable.markedForms[letter] ?? [letter]
            spellings = spellings.flatMap { prefix in options.map { prefix + String($0) } }
        }
        var out = [VietnameseSyllable]()
        for spelling in spellings {
            guard let bare = VietnameseSyllable(spelling) else { continue }
            for tone in Tone.allCases {
                let candidate = bare.with(tone: tone).with(letterCase: letterCase)
                if candidate.isValid { out.append(candidate) }
            }
        }
        return out
    }

    // MARK: - Rendering

    /// The lower-case spelling with `tone` marked according to `placement`.
    func render(tone: Tone, placement: TonePlacement) -> String {
        var letters = Array(VietnameseSyllable.written(onset: onset, medial: medial, nucleus: nucleus, coda: coda))
        if tone != .ngang {
            let index = VietnameseSyllable.markIndex(onset: onset, medial: medial, nucleus: nucleus, coda: coda, placement: placement)
            if index < letters.count { letters[index] = VietnameseSyllable.composedTable[letters[index]]?[tone.rawValue] ?? letters[index] }
        }
        return String(letters)
    }

    /// The written letters of the parts (the `i` of `gi` and of a rhyme in `i` written once).
    private static func written(onset: String, medial: String, nucleus: String, coda: String) -> String {
        if onset == "gi" && medial.isEmpty && nucleus.hasPrefix("i") {
            return "g" + nucleus + coda
        }
        return onset + medial + nucleus + coda
    }

    /// Index in the written syllable of the vowel that carries the tone mark.
    private static func markIndex(onset: String, medial: String, nucleus: String, coda: String, placement: TonePlacement) -> Int {
        let word = Array(written(onset: onset, medial: medial, nucleus: nucleus, coda: coda))
        // The `u` of `qu` belongs to the onset as far as the tone mark goes (`quý`, not `qúy`).
        let onsetLength = word.count - nucleus.count - coda.count - (onset == "q" ? 0 : medial.count)
        let consonantCoda = !(coda.isEmpty || coda == "i" || coda == "y" || coda == "o" || coda == "u")
        let vowelEnd = word.count - (consonantCoda ? coda.count : 0)
        let vowels = Array(onsetLength..<vowelEnd)
        guard let last = vowels.last else { return max(0, word.count - 1) }
        // A vowel with its own mark (ă â ê ô ơ ư) takes the tone; in ươ the second.
        if let marked = vowels.last(where: { markedVowels.contains(word[$0]) }) { return marked }
        if consonantCoda { return last }
        switch vowels.count {
        case 1:
            return vowels[0]
        case 2:
            let pair = String(vowels.map { word[$0] })
            if placement == .modern && ["oa", "oe", "uy"].contains(pair) { return vowels[1] }
            return vowels[0]
        default:
            return vowels[1]
        }
    }

    /// A lower-case letter split into its form without tone and its tone (`ế` → `ê`, sắc); `nil` for other characters.
    static func letterParts(_ character: Character) -> (bare: Character, tone: Tone)? {
        letterTable[character]
    }

    /// `vowel` (lower case, with its vowel mark) carrying `tone`, as one precomposed character.
    static func compose(_ vowel: Character, _ tone: Tone) -> Character {
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: String(vowel).decomposedStringWithCanonicalMapping.unicodeScalars)
        if let mark = tone.mark { scalars.append(mark) }
        return Character(String(scalars).precomposedStringWithCanonicalMapping)
    }

    // MARK: - Tables

    private static let markedVowels: Set<Character> = ["ă", "â", "ê", "ô", "ơ", "ư"]

    /// Each vowel with each tone, indexed by `Tone.rawValue`.
    private static let composedTable: [Character: [Character]] = {
        var table = [Character: [Character]]()
        for vowel in "aăâeêioôơuưy" { table[vowel] = Tone.allCases.map { compose(vowel, $0) } }
        return table
    }()

    /// Every lower-case letter that can appear in a syllable: its form without tone, and its tone.
    private static let letterTable: [Character: (bare: Character, tone: Tone)] = {
        var table = [Character: (bare: Character, tone: Tone)]()
        for consonant in "bcdđghklmnpqrstvx" { table[consonant] = (consonant, .ngang) }
        for vowel in "aăâeêioôơuưy" {
            for tone in Tone.allCases { table[compose(vowel, tone)] = (vowel, tone) }
        }
        return table
    }()

    /// The vowel-marked and đ forms of each folded letter.
    private static let markedForms: [Character: [Character]] = [
        "a": ["a", "ă", "â"], "e": ["e", "ê"], "o": ["o", "ô", "ơ"], "u": ["u", "ư"], "d": ["d", "đ"],
    ]

    /// Onsets, longest first (`q` is handled with its glide).
    private static let onsets = ["ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "th", "tr",
                                 "b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x"]

    /// Splits toneless letters into onset, medial, nucleus and coda.
    private static func split(_ letters: [Character]) -> (onset: String, medial: String, nucleus: String, coda: String)? {
        let word = String(letters)
        if word.hasPrefix("qu") {
            guard let rhyme = quRhymes[String(word.dropFirst(2))] else { return nil }
            return ("q", "u", rhyme.nucleus, rhyme.coda)
        }
        if word.hasPrefix("gi") {
            let rest = String(word.dropFirst(2))
            if let next = rest.first, "aăâeêoôơuư".contains(next) {
                if let rhyme = giRhymes[rest] { return ("gi", rhyme.medial, rhyme.nucleus, rhyme.coda) }
                return nil
            }
            // `gì`, `gìn`, `gieo`… : the `i` serves both the onset and the rhyme.
            if let rhyme = rhymes["i" + rest] { return ("gi", rhyme.medial, rhyme.nucleus, rhyme.coda) }
            return nil
        }
        var onset = ""
        for candidate in onsets where word.hasPrefix(candidate) {
            onset = candidate
            break
        }
        guard let rhyme = rhymes[String(word.dropFirst(onset.count))] else { return nil }
        return (onset, rhyme.medial, rhyme.nucleus, rhyme.coda)
    }

    private typealias Rhyme = (medial: String, nucleus: String, coda: String)

    /// Builds a rhyme table from (medial, nucleus, codas) rows.
    private static func table(_ rows: [(String, String, [String])]) -> [String: Rhyme] {
        var out = [String: Rhyme]()
        for (medial, nucleus, codas) in rows {
            for coda in codas { out[medial + nucleus + coda] = (medial, nucleus, coda) }
        }
        return out
    }

    /// The rhymes after any onset but `qu` and `gi` (and with no onset).
    private static let rhymes: [String: Rhyme] = table([
        ("", "a", ["", "i", "y", "o", "u", "c", "ch", "m", "n", "ng", "nh", "p", "t"]),
        ("", "ă", ["c", "m", "n", "ng", "p", "t"]),
        ("", "â", ["y", "u", "c", "m", "n", "ng", "p", "t"]),
        ("", "e", ["", "o", "c", "m", "n", "ng", "p", "t"]),
        ("", "ê", ["", "u", "ch", "m", "n", "nh", "p", "t"]),
        ("", "i", ["", "u", "ch", "m", "n", "nh", "p", "t"]),
        ("", "y", [""]),
        ("", "o", ["", "i", "c", "m", "n", "ng", "p", "t"]),
        ("", "oo", ["c", "ng"]),
        ("", "ô", ["", "i", "c", "m", "n", "ng", "p", "t"]),
        ("", "ơ", ["", "i", "m", "n", "p", "t"]),
        ("", "u", ["", "i", "c", "m", "n", "ng", "p", "t"]),
        ("", "ư", ["", "i", "u", "c", "m", "n", "ng", "t"]),
        ("", "ia", [""]),
        ("", "iê", ["u", "c", "m", "n", "ng", "p", "t"]),
        ("", "yê", ["u", "m", "n", "t"]),
        ("", "ua", [""]),
        ("", "uô", ["i", "c", "m", "n", "ng", "t"]),
        ("", "ưa", [""]),
        ("", "ươ", ["i", "u", "c", "m", "n", "ng", "p", "t"]),
        ("o", "a", ["", "i", "y", "c", "ch", "m", "n", "ng", "nh", "p", "t"]),
        ("o", "ă", ["c", "m", "n", "ng", "p", "t"]),
        ("o", "e", ["", "o", "n", "t"]),
        ("u", "â", ["y", "n", "ng", "t"]),
        ("u", "ê", ["", "ch", "nh"]),
        ("u", "y", ["", "u", "ch", "nh", "t"]),
        ("u", "ya", [""]),
        ("u", "yê", ["n", "t"]),
        ("u", "ơ", [""]),
    ])

    /// The rhymes after `qu` (the glide `u` belongs to the `qu`).
    private static let quRhymes: [String: Rhyme] = table([
        ("", "a", ["", "i", "y", "o", "c", "ch", "m", "n", "ng", "nh", "p", "t"]),
        ("", "ă", ["c", "m", "n", "ng", "t"]),
        ("", "â", ["y", "n", "ng", "t"]),
        ("", "e", ["", "o", "n", "t"]),
        ("", "ê", ["", "ch", "nh", "n", "t"]),
        ("", "i", ["", "t"]),
        ("", "y", ["", "ch", "nh", "t"]),
        ("", "yê", ["n", "t"]),
        ("", "ô", ["c"]),
        ("", "ơ", ["", "i"]),
    ])

    /// The rhymes after `gi` when the next letter is a vowel other than `i` (`gia`, `giếng`, `giữa`).
    private static let giRhymes: [String: Rhyme] = {
        var table = rhymes.filter { key, rhyme in
            rhyme.medial.isEmpty && !key.hasPrefix("i") && !key.hasPrefix("y") && !["ua", "uô"].contains(rhyme.nucleus)
        }
        // `giêng`, `giếng`, `giết`, `giềng`: the `iê` of these words is written `ê` after `gi`.
        for coda in ["", "u", "c", "m", "n", "ng", "p", "t"] { table["ê" + coda] = ("", "ê", coda) }
        // `gioăng` (a seal) takes the glide.
        table["oăng"] = ("o", "ă", "ng")
        return table
    }()
}
