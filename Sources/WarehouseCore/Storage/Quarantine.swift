import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Inputs that could not be filed: the original bytes and a reason file, so that nothing is lost.
///
/// `quarantine/<sha256>` holds the bytes; `quarantine/<sha256>.reason.json` says which file, when and why.
public struct Quarantine: Sendable {
    public let directory: URL

    public init(directory: URL) {
        self.directory = directory
    }

    /// What is written beside the quarantined bytes.
    public struct Reason: Codable, Sendable {
        public var file: String
        public var sha256: String?
        public var code: String
        public var reason: String
        public var at: Date
    }

    /// Moves a spooled file into quarantine (or copies the source when it never reached the spool).
    /// Returns the path of the kept bytes, or nil if they could not be kept (e.g. unreadable source).
    @discardableResult
    public func keep(spooled: URL?, source: URL, id: BlobID?, code: String, reason: String, at date: Date = Date())
        -> String?
    {
        try? FileIO.makeDirectory(directory)
        let name = id?.hex ?? "unhashed-\(UUID().uuidString)"
        let dest = directory.appendingPathComponent(name)
        var kept: String? = nil
        if let spooled, rename(spooled.path, dest.path) == 0 {
            kept = dest.path
        } else if FileManager.default.fileExists(atPath: dest.path) {
            kept = dest.path
        } else if let data = try? Data(contentsOf: source), (try? FileIO.writeAtomically(data, to: dest, mode: 0o444)) != nil {
            kept = dest.path
        }
        let note = Reason(file: source.path, sha256: id?.hex, code: code, reason: reason, at: date)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        if let json = try? encoder.encode(note) {
            // One reason file per quarantined input, also when the same bytes come twice.
            let reasonURL = directory.appendingPathComponent("\(name).\(UUID().uuidString.prefix(8)).reason.json")
            try? FileIO.writeAtomically(json, to: reasonURL, mode: 0o444)
        }
        try? FileIO.syncDirectory(directory)
        return kept
    }
}
