import Foundation
import NIOPosix
import WarehousePortal

/// Threads of the sync tests' own, for their servers and senders.
///
/// The other suites run OCR synchronously on Swift's cooperative threads (one per core) for minutes at a
/// time when the whole test target runs in parallel; a server or a sender on those threads would then
/// answer nothing for minutes, and every timeout of these tests would fire. Tasks that prefer this
/// executor, and the child tasks and default actors they run, use these threads instead. They sleep with
/// `sleepOnEventLoop`, never `Task.sleep`, which resumes on the global executor (swiftlang/swift#74395).
final class TestThreads: TaskExecutor, @unchecked Sendable {
    static let shared = TestThreads(count: 4)

    private let condition = NSCondition()
    private var jobs: [UnownedJob] = []

    private init(count: Int) {
        for n in 0..<count {
            let thread = Thread { [self] in work() }
            thread.name = "sync-tests-\(n)"
            thread.start()
        }
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        condition.lock()
        jobs.append(job)
        condition.signal()
        condition.unlock()
    }

    private func work() {
        while true {
            condition.lock()
            while jobs.isEmpty { condition.wait() }
            let job = jobs.removeFirst()
            condition.unlock()
            job.runSynchronously(on: asUnownedTaskExecutor())
        }
    }
}

/// Runs `body` on the sync tests' own threads.
func onTestThreads<T: Sendable>(_ body: @Sendable () async throws -> T) async throws -> T {
    try await withTaskExecutorPreference(TestThreads.shared) { try await body() }
}

/// Event loops of the sync tests' own, for their servers, senders and sleeps: NIO's shared loops also carry
/// the servers of other suites (hostile uploads), which have been seen to hold them for seconds on 2 cores.
let testLoops = MultiThreadedEventLoopGroup(numberOfThreads: 2)

/// `sleepOnEventLoop` on the tests' own loops.
func sleepOnTestLoop(seconds: Double) async throws {
    try await sleepOnEventLoop(seconds: seconds, loop: testLoops.next())
}
