import Foundation
import Synchronization

/// Dedicated threads, each owning one OCR engine for its whole life, fed from a bounded queue.
///
/// Tesseract blocks its thread for seconds per page, so it must not run on Swift's cooperative
/// pool; and its handles are not thread-safe, so each thread keeps its own. `submit` blocks while
/// the queue is full: that back-pressure keeps memory to a few decoded pages however long the batch.
public final class OCRWorkerPool: @unchecked Sendable {
    public typealias Job = @Sendable (any OCREngine) -> Void

    private let condition = NSCondition()
    private var queue: [Job] = []
    private var closed = false
    private var running = 0
    private let capacity: Int
    private let done = DispatchGroup()
    public let workers: Int
    public let identity: String

    /// Starts `workers` threads, each with an engine from `factory`. Engines are made here, on the
    /// caller's thread, so that a missing language fails at once with a clear error.
    public init(factory: any OCREngineFactory, workers: Int, queueCapacity: Int? = nil) throws(OCRError) {
        self.workers = max(1, workers)
        self.capacity = queueCapacity ?? self.workers * 2
        self.identity = factory.identity
        var engines: [EngineBox] = []
        for _ in 0..<self.workers {
            engines.append(EngineBox(try factory.makeEngine()))
        }
        for (i, box) in engines.enumerated() {
            done.enter()
            let thread = Thread { [self] in
                self.work(box)
                self.done.leave()
            }
            thread.name = "ocr-worker-\(i)"
            // Tesseract's recursion is deep on some pages; give it room.
            thread.stackSize = 16 << 20
            thread.start()
        }
    }

    deinit {
        shutdown()
    }

    /// Queues a job; blocks while `queueCapacity` jobs are already waiting.
    public func submit(_ job: @escaping Job) {
        condition.lock()
        while queue.count >= capacity && !closed { condition.wait() }
        precondition(!closed, "submit after shutdown")
        queue.append(job)
        condition.broadcast()
        condition.unlock()
    }

    /// Blocks until every submitted job has run.
    public func drain() {
        condition.lock()
        while !queue.isEmpty || running > 0 { condition.wait() }
        condition.unlock()
    }

    /// Finishes the queued jobs, then stops the threads.
    public func shutdown() {
        condition.lock()
        let wasClosed = closed
        closed = true
        condition.broadcast()
        condition.unlock()
        if !wasClosed { done.wait() }
    }

    private func work(_ box: EngineBox) {
        while true {
            condition.lock()
            while queue.isEmpty && !closed { condition.wait() }
            if queue.isEmpty && closed {
                condition.unlock()
                return
            }
            let job = queue.removeFirst()
            running += 1
            condition.broadcast()
            condition.unlock()

            job(box.engine)

            condition.lock()
            running -= 1
            condition.broadcast()
            condition.unlock()
        }
    }
}

/// Carries an engine to the thread that will own it.
private final class EngineBox: @unchecked Sendable {
    let engine: any OCREngine
    init(_ engine: any OCREngine) { self.engine = engine }
}

/// A write-once slot per job, read after `drain()`.
public final class ResultSlots<Value: Sendable>: Sendable {
    private let storage: Mutex<[Int: Value]>

    public init() { storage = Mutex([:]) }

    public func set(_ index: Int, _ value: Value) {
        storage.withLock { $0[index] = value }
    }

    public func get(_ index: Int) -> Value? {
        storage.withLock { $0[index] }
    }
}
