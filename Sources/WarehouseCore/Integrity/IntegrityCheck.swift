import Foundation

/// One problem `check` found.
public struct IntegrityIssue: Sendable, Codable, Equatable {
    /// `missing-blob`, `corrupted-blob`, `orphan-blob`, `stray-file`, `database`, `access-log`.
    public var kind: String
    /// The blob, row or file concerned.
    public var subject: String
    public var detail: String
}

/// What `check` did and found.
public struct IntegrityReport: Sendable, Codable {
    public var blobsInDatabase: Int
    public var blobsVerified: Int
    /// Blobs left for the next run because the time budget ran out.
    public var blobsNotReached: Int
    public var issues: [IntegrityIssue]
    public var seconds: Double

    public var isClean: Bool { issues.isEmpty }
}

/// Re-hashes blobs (least recently verified first, within a time budget) and cross-checks the
/// database and the blob store, collecting every problem instead of stopping at the first.
public struct IntegrityCheck {
    let store: any MetadataStore
    let blobs: any BlobStore
    let layout: StorageLayout

    public init(store: any MetadataStore, blobs: any BlobStore, layout: StorageLayout) {
        self.store = store
        self.blobs = blobs
        self.layout = layout
    }

    public func run(maxDuration: Double? = nil, now: Date = Date()) throws(StoreError) -> IntegrityReport {
        let start = Date()
        var issues: [IntegrityIssue] = []
        let rows = try store.blobsByVerification()
        var verified: [BlobID] = []
        var notReached = 0
        for row in rows {
            guard let id = BlobID(hex: row.id) else {
                issues.append(.init(kind: "database", subject: row.id, detail: "blob row with a malformed id"))
                continue
            }
            if let budget = maxDuration, Date().timeIntervalSince(start) > budget {
                notReached += 1
                continue
            }
            do {
                try blobs.verify(id)
                if let size = blobs.size(of: id), size != row.size {
                    issues.append(.init(kind: "corrupted-blob", subject: id.hex, detail: "size \(size) bytes, recorded \(row.size)"))
                } else {
                    verified.append(id)
                }
            } catch {
                switch error {
                case .missing:
                    issues.append(.init(kind: "missing-blob", subject: id.hex, detail: error.description))
                case .corrupted:
                    issues.append(.init(kind: "corrupted-blob", subject: id.hex, detail: error.description))
                case .io(let path, let reason, _):
                    issues.append(.init(kind: "unreadable-blob", subject: id.hex, detail: "\(path): \(reason)"))
                }
            }
        }
        try store.markVerified(verified, at: now)

        let known = Set(rows.map(\.id))
        do {
            for id in try blobs.allIDs() where !known.contains(id.hex) {
                issues.append(
                    .init(kind: "orphan-blob", subject: id.hex, detail: "blob \(id.short) is in the store but no row names it"))
            }
        } catch {
            issues.append(.init(kind: "unreadable-store", subject: layout.blobs.path, detail: error.description))
        }
        issues += strayFiles()
        issues += try store.structuralProblems().map { IntegrityIssue(kind: "database", subject: "warehouse.sqlite", detail: $0) }
        issues += try store.accessLogProblems().map { IntegrityIssue(kind: "access-log", subject: "warehouse-access-log.sqlite", detail: $0) }
        return IntegrityReport(
            blobsInDatabase: rows.count, blobsVerified: verified.count, blobsNotReached: notReached, issues: issues,
            seconds: Date().timeIntervalSince(start))
    }

    /// Temporary files left in the blob store by an interrupted write (anything not named by a hash).
    private func strayFiles() -> [IntegrityIssue] {
        guard let walker = FileManager.default.enumerator(at: layout.blobs, includingPropertiesForKeys: [.isRegularFileKey]) else {
            return []
        }
        var found: [IntegrityIssue] = []
        for case let url as URL in walker {
            let isFile = (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) ?? false
            if isFile && BlobID(hex: url.lastPathComponent) == nil {
                found.append(.init(kind: "stray-file", subject: url.path, detail: "not a blob (left by an interrupted write?)"))
            }
        }
        return found
    }
}
