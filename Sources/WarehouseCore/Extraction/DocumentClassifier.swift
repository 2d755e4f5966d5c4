import Foundation

/// Decides the document type from weighted keywords in the folded text, with a title bonus.
enum DocumentClassifier {
    /// A keyword (folded regex) and how much it says for a type.
    struct Cue {
        let pattern: RegexPattern
        let weight: Double

        init(_ pattern: String, _ weight: Double) {
            self.pattern = RegexPattern(pattern)
            self.weight = weight
        }
    }

    /// Keywords per type. Weights: 5+ decisive, 2–3 typical, 1 weak.
    static let cues: [(DocumentType, [Cue])] = [
        (.cccdFront, [
            Cue("can\\s*cuoc\\s*cong\\s*dan", 3), Cue("citizen\\s*identity\\s*card", 4), Cue("identity\\s*card", 2),
            Cue("full\\s*name", 2), Cue("date\\s*of\\s*birth", 2), Cue("place\\s*of\\s*origin", 3),
            Cue("place\\s*of\\s*residence", 2), Cue("date\\s*of\\s*expiry", 3), Cue("co\\s*gia\\s*tri\\s*den", 2),
            Cue("nationality", 2), Cue("que\\s*quan", 1), Cue("noi\\s*thuong\\s*tru", 1),
            Cue("personal\\s*identification\\s*number", 2), Cue("(?:^|[^a-z])so\\s*[/|]\\s*no", 3),
        ]),
        (.cccdBack, [
            Cue("dac\\s*diem\\s*nhan\\s*dang", 5), Cue("personal\\s*identification(?!\\s*number)", 2),
            Cue("ngon\\s*tro\\s*(?:trai|phai)", 5), Cue("(?:left|right)\\s*index\\s*finger", 5),
            Cue("cuc\\s*canh\\s*sat", 3), Cue("trat\\s*tu\\s*xa\\s*hoi", 2), Cue("dkql\\s*cu\\s*tru", 3),
            Cue("idvnm", 6), Cue("<<<", 3), Cue("date\\s*,?\\s*month\\s*,?\\s*year", 3), Cue("date\\s*of\\s*issue", 3),
        ]),
        (.birthCertificate, [
            Cue("giay\\s*khai\\s*sinh", 4), Cue("(?:^|[^a-z])noi\\s*sinh", 2), Cue("ten\\s*(?:cua\\s*)?(?:nguoi\\s*)?me", 2),
            Cue("ten\\s*(?:cua\\s*)?(?:nguoi\\s*)?cha", 2), Cue("quyen\\s*so", 2), Cue("nguoi\\s*di\\s*(?:dang\\s*ky\\s*)?khai\\s*sinh", 2),
            Cue("ghi\\s*bang\\s*chu", 2), Cue("dang\\s*ky\\s*khai\\s*sinh", 1),
        ]),
        (.maritalStatusCertificate, [
            Cue("xac\\s*nhan\\s*tinh\\s*trang\\s*hon\\s*nhan", 4), Cue("tinh\\s*trang\\s*hon\\s*nhan", 2),
            Cue("giay\\s*nay\\s*(?:duoc\\s*cap|co\\s*gia\\s*tri)", 3), Cue("chua\\s*(?:dang\\s*ky\\s*)?ket\\s*hon", 2),
            Cue("muc\\s*dich\\s*su\\s*dung", 2), Cue("6\\s*thang\\s*ke\\s*tu\\s*ngay\\s*cap", 3),
        ]),
        (.decision, [
            Cue("/\\s*q[d0o]\\s*-", 4), Cue("^\\s*quyet\\s*dinh\\s*:?\\s*$", 3), Cue("(?:^|[^a-z])dieu\\s*[1l]\\s*[.:]", 2),
            Cue("(?:^|[^a-z])can\\s*cu\\s", 1), Cue("quyet\\s*dinh\\s*nay\\s*co\\s*hieu\\s*luc", 3),
        ]),
        (.officialLetter, [
            Cue("(?:^|[^a-z])v\\s*[/l|1]\\s*[vy]\\s*[:.]?\\s", 4), Cue("kinh\\s*gui", 3), Cue("cong\\s*van", 2),
            Cue("[0-9]\\s*/\\s*(?:ubnd|sxd|stp|stc|skhdt|sgddt|syt|ub|vp|vpub)\\s*-\\s*[a-z]", 3),
            Cue("(?:^|[^a-z])noi\\s*nhan", 1), Cue("tran\\s*trong", 2),
        ]),
        (.directive, [Cue("/\\s*ct\\s*-", 4), Cue("^\\s*chi\\s*thi\\s*$", 3)]),
        (.notice, [Cue("/\\s*tb\\s*-", 4), Cue("^\\s*thong\\s*bao\\s*$", 3)]),
        (.plan, [Cue("/\\s*kh\\s*-", 4), Cue("^\\s*ke\\s*hoach\\s*$", 3)]),
        (.report, [Cue("/\\s*bc\\s*-", 4), Cue("^\\s*bao\\s*cao\\s*$", 3)]),
        (.submission, [Cue("/\\s*ttr\\s*-", 4), Cue("^\\s*to\\s*trinh\\s*$", 3)]),
        (.invitation, [Cue("/\\s*gm\\s*-", 4), Cue("^\\s*giay\\s*moi\\s*$", 3)]),
        (.administrative, [
            Cue("/\\s*(?:nq|hd|bb|kl|ctr|da|qc|cd)\\s*-", 4),
            Cue("^\\s*(?:nghi\\s*quyet|huong\\s*dan|bien\\s*ban|ket\\s*luan|chuong\\s*trinh|de\\s*an|quy\\s*che|cong\\s*dien)\\s*$", 3),
        ]),
        (.applicationForm, [
            Cue("^\\s*(?:to\\s*khai|don\\s*(?:de\\s*nghi|xin|yeu\\s*cau)|phieu\\s*(?:de\\s*nghi|yeu\\s*cau))", 6),
            Cue("to\\s*khai", 3), Cue("nguoi\\s*(?:yeu\\s*cau|khai|lam\\s*don|de\\s*nghi)", 2),
            Cue("(?:toi|chung\\s*toi)\\s*cam\\s*doan", 3), Cue("so\\s*dien\\s*thoai|dien\\s*thoai", 1),
            Cue("de\\s*nghi\\s*(?:cap|dang\\s*ky|giai\\s*quyet)", 1), Cue("ma\\s*so\\s*thue", 1),
        ]),
    ]

    /// Title lines (the first all-capitals lines after the motto) decide most papers.
    static let titles: [(DocumentType, RegexPattern)] = [
        (.applicationForm, RegexPattern("^\\s*(?:to\\s*khai|don\\s|don$|phieu\\s*(?:de\\s*nghi|yeu\\s*cau))")),
        (.birthCertificate, RegexPattern("^\\s*giay\\s*khai\\s*sinh")),
        (.maritalStatusCertificate, RegexPattern("^\\s*giay\\s*xac\\s*nhan\\s*tinh\\s*trang\\s*hon\\s*nhan")),
        (.decision, RegexPattern("^\\s*quyet\\s*dinh\\s*$")),
        (.directive, RegexPattern("^\\s*chi\\s*thi\\s*$")),
        (.notice, RegexPattern("^\\s*thong\\s*bao\\s*$")),
        (.plan, RegexPattern("^\\s*ke\\s*hoach\\s*$")),
        (.report, RegexPattern("^\\s*bao\\s*cao\\s*$")),
        (.submission, RegexPattern("^\\s*to\\s*trinh\\s*$")),
        (.invitation, RegexPattern("^\\s*giay\\s*moi\\s*$")),
        (.officialLetter, RegexPattern("^\\s*cong\\s*van\\s*$")),
        (.administrative, RegexPattern("^\\s*(?:nghi\\s*quyet|huong\\s*dan|bien\\s*ban|ket\\s*luan|chuong\\s*trinh|de\\s*an|quy\\s*che|cong\\s*dien)\\s*$")),
        (.cccdFront, RegexPattern("^\\s*can\\s*cuoc(?:\\s*cong\\s*dan)?\\s*$")),
    ]

    /// Weight of a matching title.
    static let titleWeight = 6.0
    /// Below this best score the paper is `other`.
    static let minimumScore = 4.0

    /// The type and a 0...1 confidence.
    static func classify(_ doc: DocumentText, barcodes: [String]) -> (DocumentType, Double) {
        var scores: [DocumentType: Double] = [:]
        let text = doc.folded
        for (type, list) in cues {
            for cue in list where cue.pattern.firstMatch(in: text) != nil {
                scores[type, default: 0] += cue.weight
            }
        }
        for line in doc.lines.prefix(30) where !line.isBlank && TextNormalizer.isMostlyUppercase(line.text) {
            if let (type, _) = titles.first(where: { $0.1.firstMatch(in: line.folded) != nil }) {
                scores[type, default: 0] += titleWeight
                break
            }
        }
        let hasChipQR = barcodes.contains { CCCDChipQR($0) != nil }
        if hasChipQR {
            scores[.cccdBack, default: 0] += 2
            scores[.cccdFront, default: 0] += 1
        }
        let ranked = scores.sorted { $0.value > $1.value || ($0.value == $1.value && $0.key.rawValue < $1.key.rawValue) }
        guard let best = ranked.first, best.value >= minimumScore || (hasChipQR && best.key.isCCCD) else {
            if hasChipQR { return (.cccdBack, 0.9) }
            let top = ranked.first?.value ?? 0
            return (.other, FieldBuilder.round(1 - top / (2 * minimumScore)))
        }
        let second = ranked.dropFirst().first?.value ?? 0
        let margin = (best.value - second) / best.value
        let strength = min(1, best.value / 12)
        return (best.key, FieldBuilder.round(0.5 + 0.5 * margin * strength))
    }
}
