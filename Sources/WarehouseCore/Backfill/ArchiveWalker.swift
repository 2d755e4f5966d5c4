import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The files of an archive folder, in a stable order, each either a candidate scan or ignored with a reason.
public struct ArchiveWalker: Sendable {
    public struct Candidate: Sendable, Equatable {
        public var url: URL
        /// Relative to the archive's root, with `/`.
        public var relativePath: String
        public var size: Int
    }

    public struct Ignored: Sendable, Equatable {
        public var relativePath: String
        public var reason: String
    }

    public let root: URL

    public init(root: URL) {
        self.root = root.standardizedFileURL.resolvingSymlinksInPath()
    }

    /// Extensions of what we file; other files are still looked at (their first bytes decide).
    static let scanExtensions: Set<String> = ["png", "jpg", "jpeg", "jpe", "tif", "tiff", "pdf"]

    /// Walks the folder. A scan is recognised by its first bytes or by its extension: a `.pdf` that is not
    /// a PDF is still handed to the pipeline, which quarantines it with the cause; a file that is neither
    /// (notes, spreadsheets, `Thumbs.db`) is ignored and counted. Symbolic links are not followed.
    public func walk() throws(BackfillError) -> (candidates: [Candidate], ignored: [Ignored]) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw .folder("\(root.path): no such folder")
        }
        let keys: [URLResourceKey] = [.isRegularFileKey, .isDirectoryKey, .isSymbolicLinkKey, .fileSizeKey]
        guard let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: keys, options: [], errorHandler: nil)
        else {
            throw .folder("\(root.path): cannot be listed")
        }
        var candidates: [Candidate] = []
        var ignored: [Ignored] = []
        let prefix = root.path.hasSuffix("/") ? root.path : root.path + "/"
        for case let url as URL in enumerator {
            let path = url.standardizedFileURL.path
            let relative = path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : url.lastPathComponent
            let values = try? url.resourceValues(forKeys: Set(keys))
            if values == nil, RawPath.hasUndecodableName(path), let st = RawPath.stat(path) {
                // A name that is not UTF-8: Foundation cannot look at the file, the spool can (RawPath).
                switch st.st_mode & S_IFMT {
                case S_IFREG: candidates.append(Candidate(url: url.standardizedFileURL, relativePath: relative, size: Int(st.st_size)))
                case S_IFDIR: ignored.append(Ignored(relativePath: relative + "/", reason: "folder whose name is not UTF-8 (rename it to walk it)"))
                default: ignored.append(Ignored(relativePath: relative, reason: "not a regular file"))
                }
                continue
            }
            if values?.isSymbolicLink == true {
                ignored.append(Ignored(relativePath: relative, reason: "symbolic link (not followed)"))
                continue
            }
            if values?.isDirectory == true {
                if url.lastPathComponent.hasPrefix(".") {
                    enumerator.skipDescendants()
                    ignored.append(Ignored(relativePath: relative + "/", reason: "hidden folder"))
                }
                continue
            }
            guard values?.isRegularFile == true else {
                ignored.append(Ignored(relativePath: relative, reason: "not a regular file"))
                continue
            }
            if url.lastPathComponent.hasPrefix(".") {
                ignored.append(Ignored(relativePath: relative, reason: "hidden file"))
                continue
            }
            let size = values?.fileSize ?? 0
            let ext = url.pathExtension.lowercased()
            if Self.scanExtensions.contains(ext) || Self.sniff(url) != nil {
                candidates.append(Candidate(url: url.standardizedFileURL, relativePath: relative, size: size))
            } else {
                ignored.append(Ignored(relativePath: relative, reason: ext.isEmpty ? "not a scan (no extension)" : "not a scan (.\(ext))"))
            }
        }
        candidates.sort { $0.relativePath < $1.relativePath }
        ignored.sort { $0.relativePath < $1.relativePath }
        return (candidates, ignored)
    }

    private static func sniff(_ url: URL) -> InputFormat? {
        InputFormat.of(file: url)
    }
}
