import Crypto
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Durable file operations: the few system calls that make "written" mean "on disk".
enum FileIO {
    /// Why a system call failed, as text.
    static func errnoText(_ code: Int32 = errno) -> String {
        String(cString: strerror(code))
    }

    /// Flushes a directory entry so that a rename inside it survives a crash.
    static func syncDirectory(_ dir: URL) throws(BlobStoreError) {
        let fd = open(dir.path, O_RDONLY | O_DIRECTORY)
        guard fd >= 0 else { throw .system(dir.path) }
        defer { close(fd) }
        guard fsync(fd) == 0 else { throw .system(dir.path) }
    }

    /// Creates a directory and its parents (keeping the system's error number when that fails).
    static func makeDirectory(_ dir: URL) throws(BlobStoreError) {
        var st = stat()
        if stat(dir.path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR { return }
        let parent = dir.deletingLastPathComponent()
        if parent.path != dir.path && parent.path != "/" { try makeDirectory(parent) }
        if mkdir(dir.path, 0o755) != 0 && errno != EEXIST { throw .system(dir.path) }
    }

    /// A hidden name for a file or directory this process is writing: `.{label}-{pid}.{start}-{unique}`. One
    /// so named whose process is gone was left by a kill (`StorageRecovery` removes it). `label` has no `-`.
    static func temporaryName(_ label: String, unique: String = UUID().uuidString) -> String {
        ".\(label)-\(processTag)-\(unique)"
    }

    /// A process as temporary names tell it: its id and, where the system says it, its start time (clock
    /// ticks after boot), so that a later process given the same id (ids wrap at 32768 on many systems)
    /// is not taken for it.
    struct Writer: Equatable {
        var pid: pid_t
        var start: UInt64?

        /// Whether the process is gone: no process has its id, or the one that has it started at another time.
        var isGone: Bool {
            if kill(pid, 0) != 0 && errno == ESRCH { return true }
            guard let start, let now = FileIO.startTime(of: pid) else { return false }
            return now != start
        }
    }

    /// This process's `{pid}.{start}` (`{pid}` where the start time is not known).
    static let processTag: String = {
        let pid = getpid()
        return startTime(of: pid).map { "\(pid).\($0)" } ?? "\(pid)"
    }()

    /// When the process started, in clock ticks after boot (field 22 of `/proc/PID/stat`); nil off Linux.
    static func startTime(of pid: pid_t) -> UInt64? {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8), let end = stat.lastIndex(of: ")") else {
            return nil
        }
        // After the command in parentheses: field 3 (state) is the first, field 22 (starttime) the 20th.
        let fields = stat[stat.index(after: end)...].split(separator: " ")
        return fields.count > 19 ? UInt64(fields[19]) : nil
    }

    /// The process that made a `temporaryName`, nil when `name` is not one.
    static func writer(ofTemporary name: String) -> Writer? {
        guard name.hasPrefix(".") else { return nil }
        let parts = name.dropFirst().split(separator: "-", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count == 3, !parts[0].isEmpty, !parts[2].isEmpty else { return nil }
        let tag = parts[1].split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard let pid = pid_t(tag[0]), pid > 0 else { return nil }
        if tag.count == 2 {
            guard let start = UInt64(tag[1]) else { return nil }
            return Writer(pid: pid, start: start)
        }
        return Writer(pid: pid, start: nil)
    }

    /// Writes bytes to `dest` atomically: a temporary file (in `staging`, else beside `dest`), fsync, rename,
    /// fsync of `dest`'s directory. With a staging directory on the same file system nothing but the whole
    /// file ever appears in `dest`'s directory, whenever the process is killed.
    static func writeAtomically(_ data: Data, to dest: URL, mode: mode_t = 0o444, staging: URL? = nil) throws(BlobStoreError) {
        let dir = dest.deletingLastPathComponent()
        try makeDirectory(dir)
        let tmpDir = staging ?? dir
        if staging != nil { try makeDirectory(tmpDir) }
        let tmp = tmpDir.appendingPathComponent(temporaryName("tmp"))
        let fd = open(tmp.path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard fd >= 0 else { throw .system(tmp.path) }
        var ok = false
        defer {
            if !ok { unlink(tmp.path) }
        }
        let writeErr = data.withUnsafeBytes { raw in writeAll(fd, raw) }
        guard writeErr == 0 else {
            close(fd)
            throw .system(tmp.path, writeErr)
        }
        guard fsync(fd) == 0 else {
            let e = errno
            close(fd)
            throw .system(tmp.path, e)
        }
        close(fd)
        chmod(tmp.path, mode)
        if rename(tmp.path, dest.path) != 0 {
            let e = errno
            // A staging directory on another file system: write beside the destination instead.
            guard e == EXDEV, staging != nil else { throw .system(dest.path, e) }
            return try writeAtomically(data, to: dest, mode: mode, staging: nil)
        }
        ok = true
        try syncDirectory(dir)
    }

    /// Writes all of `bytes` to `fd`; returns 0, or the `errno` of the write that failed.
    static func writeAll(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) -> Int32 {
        var offset = 0
        while offset < bytes.count {
            let n = write(fd, bytes.baseAddress! + offset, bytes.count - offset)
            if n < 0 {
                if errno == EINTR { continue }
                return errno
            }
            offset += n
        }
        return 0
    }

    /// Hashes a file in 1 MiB reads; returns the digest and the size.
    static func hashFile(_ url: URL) throws(BlobStoreError) -> (id: BlobID, size: Int64) {
        // RawPath: also a file whose name is not UTF-8 (a backfill's resume check hashes archive files).
        let fd = RawPath.open(url.path)
        guard fd >= 0 else { throw .system(url.path) }
        let handle = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
        defer { try? handle.close() }
        var hasher = SHA256()
        var size: Int64 = 0
        while true {
            let chunk: Data?
            do {
                chunk = try handle.read(upToCount: 1 << 20)
            } catch {
                throw .io(path: url.path, reason: error.localizedDescription)
            }
            guard let chunk, !chunk.isEmpty else { break }
            hasher.update(data: chunk)
            size += Int64(chunk.count)
        }
        return (BlobID(digest: hasher.finalize()), size)
    }
}
