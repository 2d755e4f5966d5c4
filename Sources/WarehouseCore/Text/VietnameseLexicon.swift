import Foundation

/// The words the OCR corrector trusts: known syllables, and phrases of two to four syllables.
///
/// Syllables are stored lower case, NFC, with the traditional tone placement (``VietnameseSyllable/canonical``),
/// each under a small integer id, and indexed by their folded form (``VietnameseFolding/fold(_:)``: no tone, no
/// vowel marks, đ → d). A phrase is a packed key of up to four ids, indexed by the key of its folded syllables,
/// so that "which known phrases are spelled like this, up to tones and vowel marks?" is one hash look-up of an
/// integer. Longer phrases are stored as all their 2-, 3- and 4-syllable pieces.
struct VietnameseLexicon: Sendable {
    /// A syllable id; 0 is "not a known syllable".
    typealias ID = Int32
    /// Up to four ids packed 16 bits each, first syllable lowest.
    typealias Key = UInt64

    /// Phrases are looked up in windows of at most this many syllables.
    static let maximumPhraseLength = 4
    /// The syllable that stands for a number (`điều #`, `ngày # tháng # năm #`).
    static let number = "#"
    /// The id of ``number``, as a syllable and as a folded syllable.
    static let numberID: ID = 1

    /// Canonical spelling of each syllable id (0: none, 1: the number).
    private(set) var names: [String] = ["", VietnameseLexicon.number]
    /// Folded-form id of each syllable id.
    private(set) var foldOf: [ID] = [0, VietnameseLexicon.numberID]
    /// How often each syllable occurs in the phrases added: a rough frequency, used when a repair is in doubt.
    private(set) var counts: [Int] = [0, 0]
    private var ids: [String: ID] = [VietnameseLexicon.number: VietnameseLexicon.numberID]
    private var foldIDs: [String: ID] = [VietnameseLexicon.number: VietnameseLexicon.numberID]
    private var syllablesByFold: [ID: [ID]] = [:]
    private var phraseKeys: Set<Key> = []
    /// The phrases that were added whole (`chính phủ`), not only as a piece of a longer one (`người đứng` of
    /// `người đứng đầu`): a two-syllable piece is weak evidence.
    private var entryKeys: Set<Key> = []
    private var phrasesByFold: [Key: [Key]] = [:]
    /// Family names, for telling personal names apart.
    private(set) var surnames: Set<ID> = []
    /// Function words (`các`, `của`, `và`): no evidence for changing a neighbour.
    private(set) var functionWords: Set<ID> = []
    /// Known syllables the spelling rules reject (`kạn`, `đắk`).
    private var exceptions: Set<String> = []
    /// Words already looked at, as written (lower case), and the id they got (0: not a syllable).
    private var seen: [String: ID] = [:]

    /// An empty lexicon.
    init() {}

    /// The built-in lexicon: Tesseract's syllables, the administrative phrases, places and names.
    static let standard: VietnameseLexicon = {
        var lexicon = VietnameseLexicon()
        for word in exceptionalSyllables.split(separator: " ") {
            lexicon.exceptions.insert(String(word))
            lexicon.add(syllable: String(word))
        }
        for word in tesseractSyllables.split(whereSeparator: \.isWhitespace) { lexicon.add(syllable: String(word)) }
        for word in givenNames.split(whereSeparator: \.isWhitespace) { lexicon.add(syllable: String(word)) }
        for word in surnames.split(whereSeparator: \.isWhitespace) {
            if let id = lexicon.add(syllable: String(word)) { lexicon.surnames.insert(id) }
        }
        for word in functionWords.split(whereSeparator: \.isWhitespace) {
            if let id = lexicon.add(syllable: String(word)) { lexicon.functionWords.insert(id) }
        }
        for group in builtInPhraseGroups { lexicon.add(phraseList: group) }
        return lexicon
    }()

    // MARK: - Adding

    /// The canonical spelling of a syllable the lexicon can hold, or `nil` for anything else.
    func canonical(_ word: String) -> String? {
        let nfc = word.precomposedStringWithCanonicalMapping
        return canonical(VietnameseSyllable(nfc), lower: nfc.lowercased())
    }

    /// The canonical spelling of `lower` (lower case, NFC) already parsed as `syllable`.
    func canonical(_ syllable: VietnameseSyllable?, lower: String) -> String? {
        if let syllable, syllable.isValid { return syllable.canonical }
        return exceptions.contains(lower) ? lower : nil
    }

    /// Adds a known syllable; returns its id, or `nil` when it is not a Vietnamese syllable.
    @discardableResult
    mutating func add(syllable word: String) -> ID? {
        let lower = word.precomposedStringWithCanonicalMapping.lowercased()
        if let id = seen[lower] { return id == 0 ? nil : id }
        guard let canonical = canonical(VietnameseSyllable(lower), lower: lower) else {
            seen[lower] = 0
            return nil
        }
        let id: ID
        if let existing = ids[canonical] {
            id = existing
        } else {
            id = ID(names.count)
            names.append(canonical)
            counts.append(0)
            ids[canonical] = id
            let folded = VietnameseLexicon.fold(canonical)
            let foldID = foldIDs[folded] ?? ID(foldIDs.count + 1)
            foldIDs[folded] = foldID
            foldOf.append(foldID)
            syllablesByFold[foldID, default: []].append(id)
        }
        seen[lower] = id
        return id
    }

    /// Adds a phrase of any length: its syllables, and every run of 2...4 syllables in it.
    ///
    /// Punctuation and words that are not Vietnamese syllables split the phrase (`Sở Tài nguyên và Môi trường
    /// (TN&MT)` adds `sở tài nguyên và`, …, and nothing across the bracket); a number, or `#`, stands for any
    /// number (`Điều 5` adds `điều #`). A number with `/` or `.` in it splits the phrase.
    mutating func add(phrase text: String) {
        var run = [ID]()
        func flush() {
            if run.count >= 2 {
                if run.count <= VietnameseLexicon.maximumPhraseLength { entryKeys.insert(VietnameseLexicon.key(run[...])) }
                for length in 2...min(VietnameseLexicon.maximumPhraseLength, run.count) {
                    for start in 0...(run.count - length) { insertPhrase(run[start..<(start + length)]) }
                }
            }
            run.removeAll(keepingCapacity: true)
        }
        var word = ""
        func endWord() {
            guard !word.isEmpty else { return }
            if let id = add(syllable: word) {
                counts[Int(id)] += 1
                run.append(id)
            } else {
                flush()
            }
            word = ""
        }
        var previous: Character = " "
        for character in text {
            defer { previous = character }
            if character == "#" || character.isNumber {
                endWord()
                if !(previous.isNumber || previous == "#") { run.append(VietnameseLexicon.numberID) }
            } else if character.isLetter {
                word.append(character)
            } else {
                endWord()
                if !character.isWhitespace { flush() }
            }
        }
        endWord()
        flush()
    }

    /// Adds phrases separated by commas or new lines; lines starting with `#` are comments.
    mutating func add(phraseList text: String) {
        for line in text.split(separator: "\n") {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("#") { continue }
            for phrase in trimmed.split(separator: ",") { add(phrase: String(phrase)) }
        }
    }

    private mutating func insertPhrase(_ run: ArraySlice<ID>) {
        let key = VietnameseLexicon.key(run)
        if phraseKeys.insert(key).inserted {
            let folds = foldOf
            phrasesByFold[VietnameseLexicon.key(run.map { folds[Int($0)] }), default: []].append(key)
        }
    }

    // MARK: - Looking up (ids)

    /// The id of a canonical syllable, or 0.
    func id(_ canonical: String) -> ID { ids[canonical] ?? 0 }

    /// The id of a folded syllable, or 0 when no known syllable folds to it.
    func foldID(_ folded: String) -> ID { foldIDs[folded] ?? 0 }

    /// Whether the packed phrase is known.
    func contains(_ key: Key) -> Bool { phraseKeys.contains(key) }

    /// Whether the packed phrase was added whole.
    func isEntry(_ key: Key) -> Bool { entryKeys.contains(key) }

    /// Known phrases whose folded syllables pack to `foldKey`.
    func phrases(foldKey: Key) -> [Key] { phrasesByFold[foldKey] ?? [] }

    /// Known syllables with folded-form id `foldID`.
    func syllables(foldID: ID) -> [ID] { syllablesByFold[foldID] ?? [] }

    /// Packs up to four ids (none of them 0).
    static func key(_ ids: some Sequence<ID>) -> Key {
        var key: Key = 0
        var shift: Key = 0
        for id in ids {
            key |= Key(UInt16(truncatingIfNeeded: id)) << shift
            shift += 16
        }
        return key
    }

    /// The ids packed in a key.
    static func ids(_ key: Key) -> [ID] {
        var out = [ID]()
        var rest = key
        while rest != 0 {
            out.append(ID(rest & 0xFFFF))
            rest >>= 16
        }
        return out
    }

    // MARK: - Looking up (strings, for tests and tools)

    /// Known syllables, canonical spelling.
    var syllables: Set<String> { Set(names.dropFirst(2)) }

    /// Whether a canonical syllable is known.
    func contains(syllable canonical: String) -> Bool { ids[canonical] != nil }

    /// Whether a phrase (canonical syllables separated by spaces) is known.
    func contains(phrase: String) -> Bool { key(phrase).map(contains) ?? false }

    /// Whether a phrase (canonical syllables separated by spaces) was added whole.
    func isEntry(phrase: String) -> Bool { key(phrase).map(isEntry) ?? false }

    /// All known phrases, syllables separated by spaces.
    var allPhrases: [String] { phraseKeys.map(text) }

    /// The number of phrases added whole.
    var entryCount: Int { entryKeys.count }

    /// Known phrases whose folded form is `folded` (syllables separated by one space).
    func phrases(folded: String) -> [String] {
        let foldKey = VietnameseLexicon.key(folded.split(separator: " ").map { foldID(String($0)) })
        return phrases(foldKey: foldKey).map(text)
    }

    /// Known syllables whose folded form is `folded`.
    func syllables(folded: String) -> [String] { syllables(foldID: foldID(folded)).map { names[Int($0)] } }

    /// How often a syllable occurs in the phrases added.
    func count(of canonical: String) -> Int { counts[Int(id(canonical))] }

    /// The text of a packed phrase.
    func text(_ key: Key) -> String { VietnameseLexicon.ids(key).map { names[Int($0)] }.joined(separator: " ") }

    private func key(_ phrase: String) -> Key? {
        let parts = phrase.split(separator: " ").map { id(String($0)) }
        return parts.contains(0) || parts.count > VietnameseLexicon.maximumPhraseLength ? nil : VietnameseLexicon.key(parts)
    }

    // MARK: - Folding

    /// ``VietnameseFolding/fold(_:)`` of lower-case text, with a table for the Vietnamese letters.
    static func fold(_ lower: String) -> String {
        var out = ""
        out.reserveCapacity(lower.utf8.count)
        for character in lower {
            if character.isASCII {
                out.append(character)
            } else if let folded = foldTable[character] {
                out.append(folded)
            } else {
                out.append(VietnameseFolding.fold(character))
            }
        }
        return out
    }

    private static let foldTable: [Character: Character] = {
        var table: [Character: Character] = ["đ": "d"]
        for vowel in "aăâeêioôơuưy" {
            for tone in VietnameseSyllable.Tone.allCases {
                let lower = VietnameseSyllable.compose(vowel, tone)
                table[lower] = VietnameseFolding.fold(lower)
            }
        }
        return table
    }()
}
