import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Files whose names are not UTF-8 (an archive copied from an old Windows share, a USB stick written in
/// TCVN3 or Windows-1258): Swift strings, Foundation's URLs and `CommandLine.arguments` replace the bytes
/// that are not UTF-8 with U+FFFD, so such a file cannot be opened by the path they give.
///
/// `open` finds it again: each path component that holds U+FFFD is matched, in its directory, against the
/// names as the file system has them, decoded the same lossy way. Only a unique match is taken.
public enum RawPath {
    /// Opens `path` read-only; a file descriptor, or -1 with `errno` set.
    public static func open(_ path: String, flags: Int32 = O_RDONLY) -> Int32 {
        let fd = Glibc.open(path, flags | O_CLOEXEC)
        guard fd < 0, errno == ENOENT, path.contains("\u{FFFD}") else { return fd }
        return resolve(path, flags: flags)
    }

    /// `fstat` of `path` opened read-only, found the same way; nil with `errno` set when it cannot be opened.
    public static func stat(_ path: String) -> Glibc.stat? {
        let fd = open(path)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var st = Glibc.stat()
        return fstat(fd, &st) == 0 ? st : nil
    }

    /// Whether a name as the file system has it is not UTF-8.
    public static func hasUndecodableName(_ path: String) -> Bool { path.contains("\u{FFFD}") }

    /// Walks the path from its start, one directory descriptor at a time.
    private static func resolve(_ path: String, flags: Int32) -> Int32 {
        let components = path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        guard !components.isEmpty else { return Glibc.open(path, flags | O_CLOEXEC) }
        var dir = Glibc.open(path.hasPrefix("/") ? "/" : ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard dir >= 0 else { return -1 }
        for (i, component) in components.enumerated() {
            let last = i == components.count - 1
            let name: [CChar]
            if component.contains("\u{FFFD}") {
                guard let found = match(component, in: dir) else {
                    close(dir)
                    errno = ENOENT
                    return -1
                }
                name = found
            } else {
                name = Array(component.utf8CString)
            }
            let next = openat(dir, name, last ? flags | O_CLOEXEC : O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            let saved = errno
            close(dir)
            guard next >= 0 else {
                errno = saved
                return -1
            }
            dir = next
        }
        return dir
    }

    /// The one entry of the directory whose name, decoded as Swift decodes it, is `component`.
    private static func match(_ component: String, in dir: Int32) -> [CChar]? {
        // fdopendir takes the descriptor over: give it a copy.
        let copy = dup(dir)
        guard copy >= 0, let stream = fdopendir(copy) else { return nil }
        defer { closedir(stream) }
        var found: [CChar]?
        while let entry = readdir(stream) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                Array(raw.bindMemory(to: CChar.self).prefix { $0 != 0 })
            }
            let decoded = String(decoding: name.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            guard decoded == component else { continue }
            if found != nil { return nil }  // two names read the same: refuse to guess
            found = name + [0]
        }
        return found
    }
}
