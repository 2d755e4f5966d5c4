import Foundation

/// Repairs the tone and vowel marks that OCR gets wrong in Vietnamese text.
///
/// Tesseract often reads a syllable with a wrong or missing tone or vowel mark (`quyên sử dụng` for
/// `quyền sử dụng`, `Luật Đắt đai` for `Luật Đất đai`, `QUYÉT ĐỊNH` for `QUYẾT ĐỊNH`). Many such misreadings are
/// real syllables, so the corrector decides by context: it slides windows of 2–4 syllables over the line and
/// looks for a known phrase spelled the same up to tones, vowel marks and d/đ (numbers count as `#`, so
/// `Điễu 116` matches `điều #`). Precision comes first: a wrong correction is worse than a missed one.
///
/// A window is changed only when
/// - the window as read is not a known phrase, and exactly one known phrase matches it up to marks (a tie
///   changes nothing);
/// - at most two of its syllables change, none of them part of a known phrase as read (unless that phrase lies
///   inside the longer window: `chuyên mục` + `đích` is `chuyển mục đích`), nor of a personal name;
/// - a syllable that is a real syllable as read keeps an unchanged neighbour in the window that is not a
///   function word (`các phương` does not become `các phường`), and a neighbour that, as read, belongs to another
///   known phrase is not taken from it (`để xuất khẩu` stays);
/// - a real syllable that only a two-syllable window supports changes only for a whole phrase (not a piece of a
///   longer one), and only when the change adds a dropped tone mark (`năm bắt` → `nắm bắt`) or gives a much more
///   frequent syllable (`Đắt đai` → `Đất đai`; `đầu mới` stays).
///
/// A token that is not a Vietnamese syllable as read (`QUYÉT`, `câp`) and has one nearest known repair is also
/// repaired on its own. Only alphabetic tokens of at most eight letters are looked at: codes (`QĐ-UBND`,
/// `31/2024/QH15`), e-mail addresses, mixed-case words and plain-ASCII words that are not syllables (`TOC`, `cat`)
/// are left as they are, and so are personal names (a title-case run that starts with a family name) and
/// abbreviations in capitals next to ordinary words (`CA tỉnh`). The case of each token is kept (`Tĩnh` → `Tỉnh`).
///
/// ```swift
/// let corrector = OCRTextCorrector()
/// corrector.correct(line: "Căn cứ Luật Đắt đai ngày 18 tháng 01 năm 2024;").text
/// // "Căn cứ Luật Đất đai ngày 18 tháng 01 năm 2024;"
/// ```
///
/// Building the first corrector loads the built-in lexicon (about 0.2 s); copies share it, and
/// ``correct(line:)`` takes well under a millisecond for a typical line.
public struct OCRTextCorrector: Sendable {
    /// One token the corrector rewrote.
    public struct Change: Sendable, Hashable, CustomStringConvertible {
        /// Why a token was rewritten.
        public enum Reason: Sendable, Hashable {
            /// The known phrase (lower case) that the window around the token was matched to.
            case phrase(String)
            /// The token is not a Vietnamese syllable as read and has a single nearest known repair.
            case syllable
            /// `Ð`/`ð` (U+00D0/U+00F0, Icelandic eth) written as the Vietnamese `Đ`/`đ`.
            case letterForm
        }

        /// Offset of the token in the input, in `Character`s.
        public let offset: Int
        /// The token as read.
        public let original: String
        /// The token as written back.
        public let replacement: String
        public let reason: Reason

        public var description: String {
            switch reason {
            case .phrase(let phrase): "\(offset): \(original) → \(replacement) (\(phrase))"
            case .syllable: "\(offset): \(original) → \(replacement) (syllable)"
            case .letterForm: "\(offset): \(original) → \(replacement) (letter form)"
            }
        }
    }

    var lexicon: VietnameseLexicon

    /// A corrector with the built-in lexicon of administrative Vietnamese.
    public init() {
        lexicon = .standard
    }

    /// A corrector with the built-in lexicon and more phrases (procedure, agency and place names).
    public init(addingPhrases phrases: some Sequence<String>) {
        lexicon = .standard
        add(phrases: phrases)
    }

    /// Adds phrases to the lexicon, e.g. `"Cấp giấy chứng nhận quyền sử dụng đất"`.
    ///
    /// Any length is accepted: every run of 2–4 syllables of it becomes known. Punctuation and words that are not
    /// Vietnamese syllables split a phrase; a plain number stands for any number (`Điều 5` makes `Điều 12` known).
    public mutating func add(phrases: some Sequence<String>) {
        for phrase in phrases { lexicon.add(phrase: phrase) }
    }

    /// Corrects a whole page or paragraph of OCR text; offsets of the changes are offsets in `text`.
    ///
    /// Unlike ``correct(line:)`` on each line, phrases may run on from one line to the next (`Hệ thông` at the end
    /// of a line, `thông tin` on the next), except across a blank line or after punctuation that ends a phrase.
    public func correct(text: String) -> (text: String, changes: [Change]) {
        correct(line: text)
    }

    /// Corrects one OCR text line.
    ///
    /// A line with new lines in it is read as ``correct(text:)`` reads it.
    /// - Returns: the corrected line, and one ``Change`` per rewritten token in reading order.
    public func correct(line: String) -> (text: String, changes: [Change]) {
        let characters = Array(line)
        let tokens = tokenize(characters)
        guard !tokens.isEmpty else { return (line, []) }
        var state = LineState(tokens: tokens, lexicon: lexicon)
        state.markNames()
        state.correctWindows()
        state.repairSyllables()

        var out = ""
        var changes = [Change]()
        var position = 0
        for (index, token) in tokens.enumerated() {
            let reason: Change.Reason
            if let changed = state.reasons[index] {
                reason = changed
            } else if token.hadEth && state.current[index] != 0 {
                reason = .letterForm
            } else {
                continue
            }
            let replacement = render(lexicon.names[Int(state.current[index])], like: token)
            guard replacement != token.original else { continue }
            out += String(characters[position..<token.start])
            out += replacement
            position = token.end
            changes.append(Change(offset: token.start, original: token.original, replacement: replacement, reason: reason))
        }
        guard !changes.isEmpty else { return (line, []) }
        out += String(characters[position...])
        return (out, changes)
    }

    // MARK: - Tokens

    /// An alphabetic token of the line, or a number.
    struct Token {
        /// Range in the line, in `Character`s.
        var start: Int
        var end: Int
        var original: String
        /// Lower case, NFC, eth written as đ (`#` for a number).
        var lower: String
        var letterCase: VietnameseSyllable.LetterCase
        /// The tone placement of the token as read.
        var placement: VietnameseSyllable.TonePlacement
        /// A well-formed Vietnamese syllable (or a spelling exception, or a number).
        var valid: Bool
        /// The lexicon id of the syllable as read; 0 when it is not a known syllable.
        var id: VietnameseLexicon.ID
        /// The lexicon id of the folded token; 0 when no known syllable folds to it.
        var fold: VietnameseLexicon.ID
        /// All capitals, at least two letters (`QUYẾT`, `UBND`).
        var capitals: Bool
        /// Plain ASCII as read (`TOC`, `set`).
        var ascii: Bool
        var segment: Int
        var hadEth: Bool
    }

    /// Opening punctuation that may stand before a word; it starts a new segment.
    private static let leading: Set<Character> = ["(", "[", "{", "\"", "'", "“", "‘", "«", "<", "*", "•", "-", "–", "—", "…", "„", "·"]
    /// Closing punctuation that may follow a word; it ends the segment.
    private static let trailing: Set<Character> = [
        ".", ",", ";", ":", "!", "?", ")", "]", "}", "\"", "'", "”", "’", "»", ">", "*", "…", "-", "–", "—", "·",
    ]
    private static let numberPunctuation: Set<Character> = ["/", ".", "-", ","]

    /// Splits a line into alphabetic tokens and numbers; anything else (codes, punctuation) separates segments.
    func tokenize(_ characters: [Character]) -> [Token] {
        var tokens = [Token]()
        var segment = 0
        var i = 0
        var newlines = 0
        while i < characters.count {
            if characters[i].isWhitespace {
                // A blank line ends the segment.
                if characters[i].isNewline {
                    newlines += 1
                    if newlines == 2 { segment += 1 }
                }
                i += 1
                continue
            }
            newlines = 0
            var j = i
            while j < characters.count && !characters[j].isWhitespace { j += 1 }
            var a = i
            var b = j
            while a < b && OCRTextCorrector.leading.contains(characters[a]) { a += 1 }
            while b > a && OCRTextCorrector.trailing.contains(characters[b - 1]) { b -= 1 }
            let own = a > i ? segment + 1 : segment
            let core = characters[a..<b]
            var token: Token?
            if a < b && b - a <= 8 && core.allSatisfy(\.isLetter) {
                token = makeToken(characters, a, b, segment: own)
            } else if a < b && b - a <= 12 && core.contains(where: \.isNumber)
                        && core.allSatisfy({ $0.isNumber || OCRTextCorrector.numberPunctuation.contains($0) }) {
                // A number or date takes part in phrases as `#` (`Điều 116`) and is never changed.
                token = Token(
                    start: a, end: b, original: String(core), lower: VietnameseLexicon.number, letterCase: .lower,
                    placement: .traditional, valid: true, id: VietnameseLexicon.numberID, fold: VietnameseLexicon.numberID,
                    capitals: false, ascii: true, segment: own, hadEth: false
                )
            }
            if let token {
                tokens.append(token)
                segment = own + (b < j ? 1 : 0)
            } else {
                segment += 1
            }
            i = j
        }
        return tokens
    }

    private func makeToken(_ characters: [Character], _ start: Int, _ end: Int, segment: Int) -> Token? {
        let original = String(characters[start..<end])
        // Tesseract writes NFC; normalise only when combining marks are present.
        let nfc = original.unicodeScalars.contains { $0.value >= 0x300 && $0.value <= 0x36F }
            ? original.precomposedStringWithCanonicalMapping : original
        var lower = nfc.lowercased()
        let letterCase = VietnameseSyllable.LetterCase(of: nfc, lower: lower)
        if case .mixed = letterCase { return nil }
        let hadEth = lower.unicodeScalars.contains("ð")
        if hadEth { lower = String(lower.map { $0 == "ð" ? "đ" : $0 }) }
        let syllable = VietnameseSyllable(lower: lower, letterCase: letterCase)
        let canonical = lexicon.canonical(syllable, lower: lower)
        return Token(
            start: start, end: end, original: original, lower: lower, letterCase: letterCase,
            placement: syllable?.placement ?? .traditional, valid: canonical != nil,
            id: canonical.map(lexicon.id) ?? 0, fold: lexicon.foldID(VietnameseLexicon.fold(lower)),
            capitals: letterCase == .upper, ascii: original.utf8.allSatisfy { $0 < 0x80 }, segment: segment, hadEth: hadEth
        )
    }

    /// `canonical` written with the case pattern and tone placement of `token`.
    private func render(_ canonical: String, like token: Token) -> String {
        guard let syllable = VietnameseSyllable(lower: canonical, letterCase: .lower) else {
            return token.letterCase.apply(to: canonical)
        }
        return token.letterCase.apply(to: syllable.render(tone: syllable.tone, placement: token.placement))
    }
}

// MARK: - The correction of one line

extension Array {
    /// The first index whose element satisfies `predicate`, for an array partitioned by it (binary search).
    fileprivate func partitioningIndex(where predicate: (Element) -> Bool) -> Int {
        var low = 0
        var high = count
        while low < high {
            let middle = (low + high) / 2
            if predicate(self[middle]) { high = middle } else { low = middle + 1 }
        }
        return low
    }
}

/// The working state of one line: the current reading of each token and what protects it.
private struct LineState {
    typealias ID = VietnameseLexicon.ID

    let tokens: [OCRTextCorrector.Token]
    let lexicon: VietnameseLexicon
    let count: Int
    /// The current reading of each token (syllable id, 0: not a known syllable).
    var current: [ID]
    /// Why a token was changed (nil: unchanged).
    var reasons: [OCRTextCorrector.Change.Reason?]
    /// Tokens that are part of a personal name.
    var names: [Bool]
    private let segments: [Int]
    private let capitals: [Bool]
    /// Tokens of more than one letter that are not in capitals.
    private let ordinary: [Bool]
    private let folds: [ID]

    init(tokens: [OCRTextCorrector.Token], lexicon: VietnameseLexicon) {
        self.tokens = tokens
        self.lexicon = lexicon
        self.count = tokens.count
        self.current = tokens.map(\.id)
        self.reasons = Array(repeating: nil, count: tokens.count)
        self.names = Array(repeating: false, count: tokens.count)
        self.segments = tokens.map(\.segment)
        self.capitals = tokens.map(\.capitals)
        self.ordinary = tokens.map { !$0.capitals && $0.lower.count > 1 }
        self.folds = tokens.map(\.fold)
    }

    /// A title-case family name followed by title-case words of the same segment is a personal name.
    mutating func markNames() {
        var k = 0
        while k < count {
            guard tokens[k].letterCase == .title, lexicon.surnames.contains(current[k]) else {
                k += 1
                continue
            }
            var m = k + 1
            while m < count && m - k < 4 && segments[m] == segments[k] && tokens[m].letterCase == .title { m += 1 }
            if m - k >= 2 {
                for n in k..<m { names[n] = true }
            }
            k = m
        }
    }

    /// Whether tokens `start..<start+length` may be read as one phrase.
    private func windowAllowed(_ start: Int, _ length: Int) -> Bool {
        guard start + length <= count else { return false }
        let segment = segments[start]
        var hasCapitals = false
        var hasOrdinary = false
        for k in start..<(start + length) {
            guard segments[k] == segment, folds[k] != 0 else { return false }
            hasCapitals = hasCapitals || capitals[k]
            hasOrdinary = hasOrdinary || ordinary[k]
        }
        // `UBND tỉnh`, `CA huyện`: an abbreviation in capitals next to ordinary words is not part of a phrase.
        return !(hasCapitals && hasOrdinary)
    }

    /// Whether token `k` reads as a known syllable; a plain-ASCII token counts as known (`TOC`, `cat`, `set` are
    /// more often English or abbreviations than Vietnamese that lost all its marks).
    private func known(_ k: Int) -> Bool {
        current[k] != 0 || (reasons[k] == nil && tokens[k].ascii)
    }

    /// The packed reading of `range`; a token that is not a known syllable makes it match no phrase.
    private func key(_ range: Range<Int>) -> VietnameseLexicon.Key {
        current[range].contains(0) ? .max : VietnameseLexicon.key(current[range])
    }
    private func foldKey(_ range: Range<Int>) -> VietnameseLexicon.Key { VietnameseLexicon.key(folds[range]) }
    private func isFunctionWord(_ id: ID) -> Bool { lexicon.functionWords.contains(id) }
    private func frequency(_ id: ID) -> Int { lexicon.counts[Int(id)] }

    private struct Proposal {
        var start: Int
        var length: Int
        var changes: [(index: Int, value: ID)]
        var phrase: VietnameseLexicon.Key
        /// All changed syllables are real syllables as read: the stricter rules apply.
        var guarded: Bool

        var end: Int { start + length }
        func contains(_ k: Int) -> Bool { k >= start && k < end }
        func changes(_ k: Int) -> Bool { changes.contains { $0.index == k } }
    }

    /// A change of token `index` to `value`, as one integer.
    private static func changeKey(_ index: Int, _ value: ID) -> Int { index << 20 | Int(value) }

    /// Matches windows of 2–4 syllables against the phrases, a few passes so that one repair can enable the next.
    mutating func correctWindows() {
        guard count >= 2 else { return }
        let maximum = VietnameseLexicon.maximumPhraseLength
        for _ in 0..<4 {
            // Known phrases as read protect their syllables; `protection[k]` spans the phrases token `k` is in.
            var protection = [Range<Int>?](repeating: nil, count: count)
            var exact = [Range<Int>]()
            for start in 0..<count {
                for length in 2...maximum where windowAllowed(start, length) && lexicon.contains(key(start..<(start + length))) {
                    let range = start..<(start + length)
                    exact.append(range)
                    for k in range { protection[k] = LineState.hull(protection[k], range) }
                }
            }

            var proposals = [Proposal]()
            for start in 0..<count {
                for length in 2...maximum where windowAllowed(start, length) {
                    if let proposal = propose(start, length, protection: protection) { proposals.append(proposal) }
                }
            }
            if proposals.isEmpty { return }

            // Where each change is supported: the union of the windows that propose it, and the longest of them.
            var support = [Int: Range<Int>]()
            var longest = [Int: Int]()
            for proposal in proposals {
                for change in proposal.changes {
                    let key = LineState.changeKey(change.index, change.value)
                    support[key] = LineState.hull(support[key], proposal.start..<proposal.end)
                    longest[key] = max(longest[key] ?? 0, proposal.length)
                }
            }
            proposals = proposals.filter { proposal in
                guard proposal.guarded else { return true }
                return allowedByShortWindow(proposal, longest: longest) && allowedByNeighbours(proposal, support: support, exact: exact)
            }

            // Conflicting proposals for one token cancel each other; a proposal that relied on a neighbour
            // another proposal changes waits for the next pass.
            var values = [Int: Set<ID>]()
            for proposal in proposals {
                for change in proposal.changes { values[change.index, default: []].insert(change.value) }
            }
            proposals = proposals.filter { proposal in
                proposal.changes.allSatisfy { values[$0.index]?.count == 1 }
                    && !(proposal.start..<proposal.end).contains { !proposal.changes($0) && values[$0] != nil }
            }
            if proposals.isEmpty { return }
            for proposal in proposals {
                for change in proposal.changes {
                    current[change.index] = change.value
                    reasons[change.index] = .phrase(lexicon.text(proposal.phrase))
                }
            }
        }
    }

    /// A real syllable that only a two-syllable window asks to change must not be a function word, the window
    /// must be a phrase of its own (`người dùng` does not become `người đứng` for `người đứng đầu`, `có định dạng`
    /// not `cố định dạng`), and the change must add a tone mark that OCR dropped (`năm bắt`, `hệ thông`) or give a
    /// much more frequent syllable (`đầu mới`, `đồ thị`, `đối số thừa` stay).
    private func allowedByShortWindow(_ proposal: Proposal, longest: [Int: Int]) -> Bool {
        proposal.changes.allSatisfy { change in
            if (longest[LineState.changeKey(change.index, change.value)] ?? 0) > 2 { return true }
            let read = current[change.index]
            guard lexicon.isEntry(proposal.phrase), !isFunctionWord(read) else { return false }
            if LineState.onlyAddsTone(lexicon.names[Int(read)], lexicon.names[Int(change.value)]) { return true }
            return 3 * frequency(read) <= frequency(change.value)
        }
    }

    /// A real syllable is not changed on the word of a neighbour that, as read, belongs to another phrase,
    /// unless a window reaching into that phrase supports the change too (`để xuất khẩu` stays).
    private func allowedByNeighbours(_ proposal: Proposal, support: [Int: Range<Int>], exact: [Range<Int>]) -> Bool {
        guard let first = proposal.changes.first, let supported = support[LineState.changeKey(first.index, first.value)] else {
            return true
        }
        // Only phrases that start at most three tokens before the window can overlap it.
        let lower = proposal.start - (VietnameseLexicon.maximumPhraseLength - 1)
        let from = exact.partitioningIndex(where: { $0.lowerBound >= lower })
        for range in exact[from...] {
            if range.lowerBound >= proposal.end { break }
            let anchored = range.contains { proposal.contains($0) && !proposal.changes($0) }
            guard anchored else { continue }
            let outside = range.filter { !proposal.contains($0) && !isFunctionWord(current[$0]) }
            if !outside.isEmpty && !outside.contains(where: { supported.contains($0) }) { return false }
        }
        return true
    }

    /// The smallest range that holds both ranges.
    static func hull(_ a: Range<Int>?, _ b: Range<Int>) -> Range<Int> {
        guard let a else { return b }
        return min(a.lowerBound, b.lowerBound)..<max(a.upperBound, b.upperBound)
    }

    /// The change the window `start..<start+length` asks for, if any.
    ///
    /// A token that belongs to a known phrase as read is not changed, unless every such phrase lies inside a
    /// longer window (`chuyên mục` is a word, but `chuyên mục đích` is read `chuyển mục đích`).
    private func propose(_ start: Int, _ length: Int, protection: [Range<Int>?]) -> Proposal? {
        let range = start..<(start + length)
        if lexicon.contains(key(range)) { return nil }
        let candidates = lexicon.phrases(foldKey: foldKey(range))
        // No match, or a tie: leave it.
        guard candidates.count == 1 else { return nil }
        let phrase = candidates[0]
        let syllables = VietnameseLexicon.ids(phrase)
        guard syllables.count == length else { return nil }
        var changes = [(index: Int, value: ID)]()
        for (offset, syllable) in syllables.enumerated() where syllable != current[start + offset] {
            changes.append((start + offset, syllable))
        }
        guard (1...2).contains(changes.count) else { return nil }
        guard changes.allSatisfy({ change in
            guard reasons[change.index] == nil, !names[change.index] else { return false }
            guard let protected = protection[change.index] else { return true }
            return length >= 3 && protected.count < length && protected.clamped(to: range) == protected
        }) else { return nil }
        let anchors = length - changes.count
        let contentAnchors = range.filter { k in !changes.contains { $0.index == k } && !isFunctionWord(current[k]) }.count
        let suspicious = changes.filter { !known($0.index) }.count
        if suspicious == 0 {
            // A real syllable as read changes only on the word of an unchanged neighbour that is not a function word,
            // and two of them at once need two unchanged neighbours.
            if contentAnchors == 0 { return nil }
            if changes.count == 2 && anchors < 2 { return nil }
        } else if anchors == 0 && length > 2 {
            return nil
        }
        return Proposal(start: start, length: length, changes: changes, phrase: phrase, guarded: suspicious == 0)
    }

    /// Repairs, on its own, a token that is not a Vietnamese syllable as read (`QUYÉT`, `câp`).
    ///
    /// It takes its single nearest known repair, or, when several are equally near, the one that the phrases use
    /// far more than the others (at least three times, and four times the next). A well-formed syllable that is
    /// merely unknown (`điễu`, but also the rare `gán`, `dấn`) is left to the phrase windows.
    mutating func repairSyllables() {
        for k in 0..<count where reasons[k] == nil && !names[k] && tokens[k].lower.count > 1 && !tokens[k].valid && !known(k) {
            let candidates = lexicon.syllables(foldID: folds[k])
            guard !candidates.isEmpty else { continue }
            var nearest = [ID]()
            var nearestCost = Int.max
            for candidate in candidates {
                let cost = LineState.markDistance(tokens[k].lower, lexicon.names[Int(candidate)])
                if cost < nearestCost {
                    nearest = [candidate]
                    nearestCost = cost
                } else if cost == nearestCost {
                    nearest.append(candidate)
                }
            }
            guard nearestCost <= 2 else { continue }
            if nearest.count == 1 {
                current[k] = nearest[0]
            } else {
                let ranked = nearest.sorted { frequency($0) > frequency($1) }
                guard frequency(ranked[0]) >= 3, frequency(ranked[0]) >= 4 * frequency(ranked[1]) else { continue }
                current[k] = ranked[0]
            }
            reasons[k] = .syllable
        }
    }

    /// Whether `candidate` is `read` with a tone mark added (`năm` → `nắm`), letters and vowel marks equal.
    static func onlyAddsTone(_ read: String, _ candidate: String) -> Bool {
        guard read.count == candidate.count else { return false }
        var added = false
        for (x, y) in zip(read, candidate) {
            guard let a = VietnameseSyllable.letterParts(x), let b = VietnameseSyllable.letterParts(y), a.bare == b.bare else {
                return false
            }
            if a.tone != .ngang { return false }
            if b.tone != .ngang { added = true }
        }
        return added
    }

    /// How many marks differ between two spellings of the same folded letters: one per letter whose vowel
    /// mark or đ differs, plus one when the tones differ.
    static func markDistance(_ read: String, _ candidate: String) -> Int {
        var cost = 0
        var readTones = [VietnameseSyllable.Tone]()
        var candidateTones = [VietnameseSyllable.Tone]()
        for (a, b) in zip(read, candidate) {
            let partsA = VietnameseSyllable.letterParts(a)
            let partsB = VietnameseSyllable.letterParts(b)
            if (partsA?.bare ?? a) != (partsB?.bare ?? b) { cost += 1 }
            if let tone = partsA?.tone, tone != .ngang { readTones.append(tone) }
            if let tone = partsB?.tone, tone != .ngang { candidateTones.append(tone) }
        }
        if readTones != candidateTones { cost += 1 }
        return cost
    }
}
