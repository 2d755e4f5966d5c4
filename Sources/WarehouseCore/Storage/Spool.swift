import Crypto
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A received file copied durably into the spool and hashed in the same pass.
public struct SpooledFile: Sendable {
    /// The spool copy (`spool/.spooled-{pid}-{sha256}-{unique}`).
    public let url: URL
    public let id: BlobID
    public let size: Int64
    /// The first bytes, for format sniffing.
    public let head: [UInt8]
}

/// The spool: received bytes are on disk, fsynced and hash-named, before anyone is told "received".
///
/// Each received file gets a name of its own (`.spooled-{pid}-{sha256}-{unique}`): two requests receiving the
/// same bytes never take each other's file away, and what a killed process left is known as its own
/// (`StorageRecovery` removes it).
public struct Spool: Sendable {
    public let directory: URL
    /// Files larger than this are refused before they are copied.
    public let maxFileSize: Int64

    public init(directory: URL, maxFileSize: Int64 = 1 << 30) {
        self.directory = directory
        self.maxFileSize = maxFileSize
    }

    /// Copies `source` into the spool while hashing it; returns the spooled file.
    public func receive(_ source: URL) throws(SpoolError) -> SpooledFile {
        // RawPath: also a file whose name is not UTF-8 (which Foundation's path cannot open).
        let input = RawPath.open(source.path)
        guard input >= 0 else { throw .unreadable(source.path, FileIO.errnoText()) }
        defer { close(input) }
        var st = stat()
        guard fstat(input, &st) == 0 else { throw .unreadable(source.path, FileIO.errnoText()) }
        guard (st.st_mode & S_IFMT) == S_IFREG else { throw .notAFile(source.path) }
        guard Int64(st.st_size) <= maxFileSize else { throw .tooLarge(source.path, Int64(st.st_size), maxFileSize) }

        do { try FileIO.makeDirectory(directory) } catch { throw .storage(error.storageFailure ?? StorageFailure(path: directory.path, code: EIO, reason: error.description)) }
        let tmp = directory.appendingPathComponent(FileIO.temporaryName("recv"))
        let output = open(tmp.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard output >= 0 else { throw .storage(.lastError(at: tmp.path)) }
        var keep = false
        defer {
            if !keep { unlink(tmp.path) }
        }
        var hasher = SHA256()
        var size: Int64 = 0
        var head: [UInt8] = []
        let bufferSize = 1 << 20
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: bufferSize, alignment: 16)
        defer { buffer.deallocate() }
        while true {
            let n = read(input, buffer, bufferSize)
            if n < 0 {
                if errno == EINTR { continue }
                close(output)
                throw .unreadable(source.path, FileIO.errnoText())
            }
            if n == 0 { break }
            let chunk = UnsafeRawBufferPointer(start: buffer, count: n)
            hasher.update(bufferPointer: chunk)
            if head.count < 1024 { head.append(contentsOf: chunk.prefix(1024 - head.count)) }
            var offset = 0
            while offset < n {
                let w = write(output, buffer + offset, n - offset)
                if w < 0 {
                    if errno == EINTR { continue }
                    let failure = StorageFailure.lastError(at: directory.path)
                    close(output)
                    throw .storage(failure)
                }
                offset += w
            }
            size += Int64(n)
            if size > maxFileSize {
                close(output)
                throw .tooLarge(source.path, size, maxFileSize)
            }
        }
        guard fsync(output) == 0 else {
            let failure = StorageFailure.lastError(at: directory.path)
            close(output)
            throw .storage(failure)
        }
        close(output)
        let id = BlobID(digest: hasher.finalize())
        let dest = directory.appendingPathComponent(FileIO.temporaryName("spooled", unique: "\(id.hex)-\(UUID().uuidString.prefix(8))"))
        guard rename(tmp.path, dest.path) == 0 else { throw .storage(.lastError(at: dest.path)) }
        keep = true
        do { try FileIO.syncDirectory(directory) } catch {
            unlink(dest.path)
            throw .storage(error.storageFailure ?? StorageFailure(path: directory.path, code: EIO, reason: error.description))
        }
        return SpooledFile(url: dest, id: id, size: size, head: head)
    }
}

/// Why a file could not even be received.
public enum SpoolError: Error, Equatable, CustomStringConvertible {
    case unreadable(String, String)
    case notAFile(String)
    case tooLarge(String, Int64, Int64)
    /// The spool could not be written: the warehouse's failure, not the file's.
    case storage(StorageFailure)

    public var description: String {
        switch self {
        case .unreadable(_, let why): "the file cannot be read: \(why)"
        case .notAFile: "it is not a regular file"
        case .tooLarge(_, let size, let limit): "the file is \(size) bytes, over the limit of \(limit) bytes"
        case .storage(let failure): failure.description
        }
    }
}
