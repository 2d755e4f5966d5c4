import Foundation
import SwiftCSV

/// What a backfill knows about the files of an archive, from a CSV that the commune team keeps:
///
/// ```
/// path,owner,procedure,dossier,agency,component,kind,resultType,name,number,validUntil,scope
/// 2019/hs-0007/,038090012345,1.001193,000.12.34.H56-190315-0007,000.12.34.H56,,,,,,,
/// 2019/hs-0007/to-khai.png,038090012345,1.001193,000.12.34.H56-190315-0007,000.12.34.H56,Tờ khai,component,,,,,
/// 2019/hs-0007/gks.png,038324000123,1.001193,000.12.34.H56-190315-0007,000.12.34.H56,,result,KQ.G15.000031,Giấy khai sinh,45,permanent,Toàn quốc
/// ```
///
/// `path` is relative to the archive's root: a file, or a folder (ending in `/`; `./` is the root) whose files it covers.
/// The most specific row wins. `component` names the component that the files of the row form together
/// (empty: each file is a component of its own); `kind` is `component` (default) or `result`.
/// `path`, `owner`, `procedure`, `dossier` and `agency` are required; `agency` may be left empty when
/// `--agency` is given. For results, `name`, `number`, `validUntil` (yyyy-MM-dd, `permanent`, or empty when
/// the paper states none) and `scope` go into the seal that `backfill --results` stamps.
/// Every code and date is validated (DOMAIN.md §3) before any file is read.
public struct BackfillManifest: Sendable {
    public struct Entry: Sendable, Equatable {
        public var path: String
        /// nil without a manifest: each paper's owner is read from the paper.
        public var owner: OwnerIdentifier?
        /// nil without a manifest: archived papers are filed outside any dossier.
        public var procedure: ProcedureCode?
        public var dossier: DossierCode?
        public var agency: AgencyCode
        public var component: String?
        /// 0 thành phần (component), 1 kết quả (result).
        public var kind: Int
        public var resultType: String?
        /// For results: tên giấy tờ, số ký hiệu, validity and scope, as the seal will carry them.
        public var name: String?
        public var number: String?
        public var validity: SealPayload.Validity
        public var scope: String?
        /// 1-based line in the CSV, for messages.
        public var line: Int
    }

    public let entries: [Entry]
    private let byPath: [String: Entry]

    public static let requiredColumns = ["path", "owner", "procedure", "dossier", "agency"]

    /// Parses and validates the whole manifest; the error names the line and the column.
    public init(url: URL, defaultAgency: AgencyCode? = nil) throws(BackfillError) {
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw .manifest("\(url.path): cannot be read as UTF-8 text: \(error.localizedDescription)")
        }
        try self.init(csv: text, name: url.lastPathComponent, defaultAgency: defaultAgency)
    }

    public init(csv text: String, name: String = "manifest", defaultAgency: AgencyCode? = nil) throws(BackfillError) {
        let csv: CSV<Enumerated>
        do {
            // A BOM from spreadsheet programs would otherwise stick to the first column's name.
            csv = try CSV<Enumerated>(string: text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text, delimiter: .comma)
        } catch {
            throw .manifest("\(name): not a CSV file: \(error)")
        }
        let header = csv.header.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        for column in Self.requiredColumns where !header.contains(column.lowercased()) {
            throw .manifest("\(name): the header has no \"\(column)\" column (it needs \(Self.requiredColumns.joined(separator: ", ")))")
        }
        func index(_ column: String) -> Int? { header.firstIndex(of: column.lowercased()) }
        var entries: [Entry] = []
        var byPath: [String: Entry] = [:]
        for (i, row) in csv.rows.enumerated() {
            let line = i + 2
            func value(_ column: String) -> String {
                guard let at = index(column), at < row.count else { return "" }
                return row[at].trimmingCharacters(in: .whitespaces)
            }
            if row.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) { continue }
            func code<T>(_ column: String, _ make: (String) throws(CodeError) -> T) throws(BackfillError) -> T {
                do { return try make(value(column)) } catch { throw .manifest("\(name) line \(line), \(column): \(error.description)") }
            }
            let path = Self.normalise(value("path"))
            guard !path.isEmpty else { throw .manifest("\(name) line \(line): the path is empty") }
            guard !path.split(separator: "/").contains("..") else {
                throw .manifest("\(name) line \(line): the path \"\(path)\" leaves the archive (..)")
            }
            let agency: AgencyCode
            if value("agency").isEmpty, let defaultAgency {
                agency = defaultAgency
            } else {
                agency = try code("agency") { s throws(CodeError) in try AgencyCode(s) }
            }
            let kindText = value("kind").lowercased()
            guard ["", "component", "result"].contains(kindText) else {
                throw .manifest("\(name) line \(line), kind: \"\(value("kind"))\" is neither component nor result")
            }
            let validity: SealPayload.Validity
            switch value("validUntil").lowercased() {
            case "": validity = .unstated
            case "permanent", "vĩnh viễn": validity = .permanent
            default:
                guard let day = CalendarDate(iso: value("validUntil")) else {
                    throw .manifest("\(name) line \(line), validUntil: \"\(value("validUntil"))\" is not a yyyy-MM-dd date nor permanent")
                }
                validity = .until(day.iso)
            }
            if !value("resultType").isEmpty {
                _ = try code("resultType") { s throws(CodeError) in try ResultTypeCode(s) }
            }
            func optional(_ column: String) -> String? { value(column).isEmpty ? nil : value(column) }
            let owner = try code("owner") { s throws(CodeError) in try OwnerIdentifier(s) }
            if owner.isAgencyArchive {
                throw .manifest(
                    "\(name) line \(line), owner: \(owner) is an agency code; a row files into a dossier, whose owner is a citizen or organisation "
                        + "(papers that name no one are filed in the agency's archive by a backfill without a manifest)")
            }
            let entry = Entry(
                path: path, owner: owner,
                procedure: try code("procedure") { s throws(CodeError) in try ProcedureCode(s) },
                dossier: try code("dossier") { s throws(CodeError) in try DossierCode(s) }, agency: agency,
                component: optional("component"), kind: kindText == "result" ? 1 : 0, resultType: optional("resultType"),
                name: optional("name"), number: optional("number"), validity: validity, scope: optional("scope"), line: line)
            if let earlier = byPath[path] {
                throw .manifest("\(name) line \(line): \"\(path)\" is already described on line \(earlier.line)")
            }
            byPath[path] = entry
            entries.append(entry)
        }
        self.entries = entries
        self.byPath = byPath
    }

    /// No manifest: one row for the whole archive, with the agency only. Each paper is filed for the owner
    /// it names (its citizen ID or tax code), outside any dossier, for review.
    public init(archiveOf agency: AgencyCode) {
        let entry = Entry(
            path: "/", owner: nil, procedure: nil, dossier: nil, agency: agency, component: nil, kind: 0, resultType: nil, name: nil,
            number: nil, validity: .unstated, scope: nil, line: 0)
        self.entries = [entry]
        self.byPath = ["/": entry]
    }

    /// The row that describes `relativePath`: its own, else that of the nearest folder above it.
    public func entry(for relativePath: String) -> Entry? {
        var path = Self.normalise(relativePath)
        if let exact = byPath[path] { return exact }
        while let slash = path.dropLast().lastIndex(of: "/") {
            path = String(path[...slash])
            if let folder = byPath[path] { return folder }
        }
        return byPath["/"]
    }

    /// `./a//b` → `a/b`; a folder keeps its trailing `/`; the archive's root (`./` or `/`) is `/`.
    static func normalise(_ path: String) -> String {
        let folder = path.hasSuffix("/")
        let parts = path.split(separator: "/").filter { $0 != "." && !$0.isEmpty }
        let joined = parts.joined(separator: "/")
        guard folder else { return joined }
        return joined.isEmpty ? "/" : joined + "/"
    }
}

/// Why a backfill cannot start (bad manifest, unreadable folder); a file that cannot be read is not an
/// error of the backfill: it is quarantined and counted.
public enum BackfillError: Error, Equatable, CustomStringConvertible {
    case manifest(String)
    case folder(String)

    public var description: String {
        switch self {
        case .manifest(let why): "manifest: \(why)"
        case .folder(let why): why
        }
    }
}
