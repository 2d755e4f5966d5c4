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
        guard fd >= 0 else { throw .io(path: dir.path, reason: errnoText()) }
        defer { close(fd) }
        guard fsync(fd) == 0 else { throw .io(path: dir.path, reason: errnoText()) }
    }

    /// Creates a directory and its parents.
    static func makeDirectory(_ dir: URL) throws(BlobStoreError) {
        do {
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        } catch {
            throw .io(path: dir.path, reason: "\(error.localizedDescription)")
        }
    }

    /// Writes bytes to `dest` atomically: temp file in the same directory, fsync, rename, fsync directory.
    static func writeAtomically(_ data: Data, to dest: URL, mode: mode_t = 0o444) throws(BlobStoreError) {
        let dir = dest.deletingLastPathComponent()
        try makeDirectory(dir)
        let tmp = dir.appendingPathComponent(".tmp-\(UUID().uuidString)")
        let fd = open(tmp.path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard fd >= 0 else { throw .io(path: tmp.path, reason: errnoText()) }
        var ok = false
        defer {
            if !ok { unlink(tmp.path) }
        }
        let written = data.withUnsafeBytes { raw -> Bool in
            var offset = 0
            while offset < raw.count {
                let n = write(fd, raw.baseAddress! + offset, raw.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                offset += n
            }
            return true
        }
        let writeErr = errno
        guard written else {
            close(fd)
            throw .io(path: tmp.path, reason: errnoText(writeErr))
        }
        guard fsync(fd) == 0 else {
            let e = errno
            close(fd)
            throw .io(path: tmp.path, reason: errnoText(e))
        }
        close(fd)
        chmod(tmp.path, mode)
        guard rename(tmp.path, dest.path) == 0 else { throw .io(path: dest.path, reason: errnoText()) }
        ok = true
        try syncDirectory(dir)
    }

    /// Hashes a file in 1 MiB reads; returns the digest and the size.
    static func hashFile(_ url: URL) throws(BlobStoreError) -> (id: BlobID, size: Int64) {
        // RawPath: also a file whose name is not UTF-8 (a backfill's resume check hashes archive files).
        let fd = RawPath.open(url.path)
        guard fd >= 0 else { throw .io(path: url.path, reason: errnoText()) }
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
