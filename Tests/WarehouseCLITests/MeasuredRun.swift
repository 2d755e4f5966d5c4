import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The `warehouse` binary run as a child whose peak memory and time are measured.
///
/// The peak is the child's `VmHWM` (high-water resident set of its own address space), read from /proc while
/// it runs. `wait4`'s `ru_maxrss` cannot be used: posix_spawn execs from the parent's address space, and Linux
/// counts that space's peak into the child's, so every child of a large test process looked as large as it.
struct MeasuredRun {
    var status: Int32
    /// The signal that ended the process, if one did (a crash, or our kill at the deadline).
    var signal: Int32?
    var timedOut: Bool
    var seconds: Double
    /// Peak resident set size.
    var peakMiB: Double
    var stdout: String
    var stderr: String

    var crashed: Bool { signal != nil && !timedOut }

    /// Runs `binary ARGS`, killing it (SIGKILL) after `timeout` seconds.
    static func run(_ binary: URL, _ arguments: [String], timeout: Double, environment: [String: String] = [:]) throws -> MeasuredRun {
        try run(binary, raw: arguments.map { Array($0.utf8) }, timeout: timeout, environment: environment)
    }

    /// Runs `binary ARGS` with arguments given as bytes (file names that are not UTF-8).
    static func run(_ binary: URL, raw arguments: [[UInt8]], timeout: Double, environment: [String: String] = [:]) throws -> MeasuredRun {
        var env = ProcessInfo.processInfo.environment
        // Without it the binary re-executes itself to set it, which would hide the real process from wait4.
        env["OMP_THREAD_LIMIT"] = "1"
        env.merge(environment) { _, new in new }
        let argv: [UnsafeMutablePointer<CChar>?] = ([Array(binary.path.utf8)] + arguments).map { bytes in
            let copy = UnsafeMutablePointer<CChar>.allocate(capacity: bytes.count + 1)
            for (i, byte) in bytes.enumerated() { copy[i] = CChar(bitPattern: byte) }
            copy[bytes.count] = 0
            return copy
        } + [nil]
        let envp: [UnsafeMutablePointer<CChar>?] = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for p in argv { p?.deallocate() }
            for p in envp { free(p) }
        }
        var outPipe: [Int32] = [0, 0]
        var errPipe: [Int32] = [0, 0]
        guard pipe(&outPipe) == 0, pipe(&errPipe) == 0 else { throw POSIXError(.EMFILE) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, outPipe[1], 1)
        posix_spawn_file_actions_adddup2(&actions, errPipe[1], 2)
        for fd in outPipe + errPipe { posix_spawn_file_actions_addclose(&actions, fd) }
        var pid: pid_t = 0
        let started = Date()
        let spawned = posix_spawn(&pid, binary.path, &actions, nil, argv, envp)
        close(outPipe[1])
        close(errPipe[1])
        guard spawned == 0 else {
            close(outPipe[0])
            close(errPipe[0])
            throw POSIXError(POSIXErrorCode(rawValue: spawned) ?? .ENOENT)
        }
        // Drain both pipes while the child runs, so that a large output cannot block it.
        let out = PipeReader(fd: outPipe[0])
        let err = PipeReader(fd: errPipe[0])
        var status: Int32 = 0
        var usage = rusage()
        var timedOut = false
        var peakKiB = 0
        let deadline = started.addingTimeInterval(timeout)
        while true {
            peakKiB = max(peakKiB, Self.highWaterKiB(pid))
            let done = wait4(pid, &status, WNOHANG, &usage)
            if done == pid { break }
            if done < 0 && errno != EINTR { break }
            if Date() > deadline {
                timedOut = true
                kill(pid, SIGKILL)
                _ = wait4(pid, &status, 0, &usage)
                break
            }
            usleep(10_000)
        }
        let seconds = Date().timeIntervalSince(started)
        let termSignal = status & 0x7F
        return MeasuredRun(
            status: termSignal == 0 ? (status >> 8) & 0xFF : -1, signal: termSignal == 0 ? nil : termSignal, timedOut: timedOut,
            seconds: seconds, peakMiB: Double(peakKiB) / 1024, stdout: String(decoding: out.finish(), as: UTF8.self),
            stderr: String(decoding: err.finish(), as: UTF8.self))
    }

    /// `VmHWM` of a running process, in KiB (0 once it has exited).
    static func highWaterKiB(_ pid: pid_t) -> Int {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") })
        else { return 0 }
        return Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "") ?? 0
    }

    /// Decodes standard output as JSON.
    func json<T: Decodable>(_ type: T.Type) throws -> T {
        try JSONDecoder().decode(T.self, from: Data(stdout.utf8))
    }
}

/// Reads a pipe to its end on a thread of its own.
private final class PipeReader: @unchecked Sendable {
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    init(fd: Int32) {
        Thread.detachNewThread { [self] in
            var buffer = [UInt8](repeating: 0, count: 1 << 16)
            while true {
                let n = read(fd, &buffer, buffer.count)
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { break }
                data.append(contentsOf: buffer[0..<n])
            }
            close(fd)
            done.signal()
        }
    }

    func finish() -> Data {
        done.wait()
        return data
    }
}
