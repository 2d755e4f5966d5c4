import Crypto
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A received file copied durably into the spool and hashed in the same pass.
public struct SpooledFile: Sendable {
    /// The spool copy (`spool/<sha256>`).
    public let url: URL
    public let id: BlobID
    public let size: Int64
    /// The first bytes, for format sniffing.
    public let head: [UInt8]
}

/// The spool: received bytes are on disk, fsynced and hash-named, before anyone is told "received".
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

        do { try FileIO.makeDirectory(directory) } catch { throw .io(error.description) }
        let tmp = directory.appendingPathComponent(".recv-\(UUID().uuidString)")
        let output = open(tmp.path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard output >= 0 else { throw .io("cannot create \(tmp.path): \(FileIO.errnoText())") }
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
                    let reason = FileIO.errnoText()
                    close(output)
                    throw .io("cannot write to the spool \(directory.path): \(reason)")
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
            let reason = FileIO.errnoText()
            close(output)
            throw .io("cannot flush the spool \(directory.path): \(reason)")
        }
        close(output)
        let id = BlobID(digest: hasher.finalize())
        let dest = directory.appendingPathComponent(id.hex)
        guard rename(tmp.path, dest.path) == 0 else { throw .io("cannot rename into the spool: \(FileIO.errnoText())") }
        keep = true
        do { try FileIO.syncDirectory(directory) } catch { throw .io(error.description) }
        return SpooledFile(url: dest, id: id, size: size, head: head)
    }
}

/// Why a file could not even be received.
public enum SpoolError: Error, Equatable, CustomStringConvertible {
    case unreadable(String, String)
    case notAFile(String)
    case tooLarge(String, Int64, Int64)
    case io(String)

    public var description: String {
        switch self {
        case .unreadable(_, let why): "the file cannot be read: \(why)"
        case .notAFile: "it is not a regular file"
        case .tooLarge(_, let size, let limit): "the file is \(size) bytes, over the limit of \(limit) bytes"
        case .io(let why): why
        }
    }
}
