import Foundation

#if canImport(Glibc)
    import Glibc

    /// `RLIMIT_FSIZE` as `getrlimit` takes it on Linux.
    private let RLIMIT_FSIZE_ID = __rlimit_resource_t(RLIMIT_FSIZE.rawValue)
#else
    private let RLIMIT_FSIZE_ID = RLIMIT_FSIZE
#endif

/// The warehouse's own storage refused a write or a read: full, over quota, read-only, not permitted or
/// failing. A failure of the warehouse, never of the input: the command stops, nothing half-written is
/// left, and the input is not quarantined (its bytes are still where they came from).
public struct StorageFailure: Error, Equatable, Sendable, CustomStringConvertible {
    /// What could not be written or read.
    public var path: String
    /// The system's error number (`ENOSPC`, `EROFS`, …), 0 when only a message is known (SQLite).
    public var code: Int32
    /// The system's or SQLite's own words.
    public var reason: String

    public init(path: String, code: Int32, reason: String? = nil) {
        self.path = path
        self.code = code
        self.reason = reason ?? FileIO.errnoText(code)
    }

    /// From the `errno` of a system call that just failed.
    static func lastError(at path: String) -> StorageFailure {
        StorageFailure(path: path, code: errno)
    }

    /// The storage has no room left: no space on the device, over a quota or over the file size limit.
    public var isFull: Bool {
        [ENOSPC, EDQUOT, EFBIG].contains(code)
    }

    /// The storage is mounted read-only or does not let this process write.
    public var isReadOnly: Bool {
        [EROFS, EACCES, EPERM].contains(code)
    }

    public var description: String {
        if code == EFBIG {
            return "the warehouse storage is full for this process: \(path) cannot grow past its file size limit (ulimit -f) (\(reason))"
        }
        if isFull {
            return "the warehouse storage is full: no space left to write \(path) (\(reason))"
        }
        if isReadOnly {
            return "the warehouse storage cannot be written: \(path) is read-only or not writable (\(reason))"
        }
        return "the warehouse storage failed at \(path): \(reason)"
    }

    /// The file system's state when a library failed to write in `directory` without saying why (SQLite's
    /// I/O errors, Tesseract's PDF renderer): read-only, or (almost) full; nil when neither shows.
    static func cause(in directory: String) -> Int32? {
        var fs = statvfs()
        guard statvfs(directory, &fs) == 0 else { return nil }
        if fs.f_flag & UInt(ST_RDONLY) != 0 { return EROFS }
        if UInt64(fs.f_bavail) * UInt64(fs.f_frsize) < 256 << 10 { return ENOSPC }
        // A file size limit on this process (ulimit -f): writes past it fail (EFBIG) whatever the space.
        var limit = rlimit()
        if getrlimit(RLIMIT_FSIZE_ID, &limit) == 0 && limit.rlim_cur != rlim_t.max { return EFBIG }
        if access(directory, W_OK) != 0 { return errno }
        return nil
    }

    /// A storage failure at `directory` if its file system shows one (`cause(in:)`), for a library's failure.
    public static func probe(_ directory: URL, reason: String) -> StorageFailure? {
        cause(in: directory.path).map { StorageFailure(path: directory.path, code: $0, reason: reason) }
    }

    /// What the operator does about it, as a phrase: "free space on the storage", …
    public var remedy: String {
        code == EFBIG ? "raise the file size limit (ulimit -f)"
            : isFull ? "free space on the storage" : isReadOnly ? "make the storage writable" : "repair the storage"
    }
}
