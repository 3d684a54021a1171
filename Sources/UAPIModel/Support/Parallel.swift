import Foundation

/// Runs `count` jobs on `workers` threads, each with a `LargeStack.size` stack. Each
/// worker builds its own state once (a libclang index, say) and pulls job indices
/// until none are left. Results keep job order.
package func parallelMap<State, Result>(count: Int, workers: Int, makeState: () -> State,
                                _ body: (inout State, Int) -> Result) -> [Result] {
    let workers = max(1, min(workers, count))
    var results = [Result?](repeating: nil, count: count)
    let lock = NSLock()
    var next = 0
    results.withUnsafeMutableBufferPointer { buffer in
        let slots = buffer
        LargeStack.runConcurrently(workers) {
            var state = makeState()
            while true {
                lock.lock()
                let job = next
                next += 1
                lock.unlock()
                guard job < count else { break }
                // Each index is written by exactly one worker.
                slots[job] = body(&state, job)
            }
        }
    }
    return results.map { $0! }
}

public enum Concurrency {
    /// The default worker count: one per core.
    public static var defaultWorkers: Int { ProcessInfo.processInfo.activeProcessorCount }
}

/// Threads with a stack large enough for what libclang does to deeply nested input.
///
/// clang recurses once per operator of an expression: 250 bytes a level for `1+1+...`,
/// 5 KB for `sizeof sizeof ...`. The main thread's 8 MiB overflows at 1,600 to 32,000
/// levels, and libclang's own parsing thread has 8 MiB too (see `ClangIndex`). Only the
/// pages a thread touches use memory; the rest of its stack is address space.
package enum LargeStack {
    /// 1 GiB: every header under /usr/include/linux fits in 256 KiB; `InputLimits`
    /// keeps any accepted input within half of this.
    package static let size = 1 << 30

    /// Runs `body` `threads` times at once, each on its own new thread, and waits for all.
    package static func runConcurrently(_ threads: Int, _ body: () -> Void) {
        withoutActuallyEscaping(body) { body in
            let job = Job(body)
            let started = (0..<threads).map { _ in start(job) }
            for thread in started { pthread_join(thread, nil) }
        }
    }

    /// Runs `body` with a signal stack of its own, so that a signal handler can still run
    /// when the thread's stack is exhausted: libclang's crash recovery then turns a stack
    /// overflow inside a parse into a failed parse (see `ClangIndex`).
    private static func withAlternateSignalStack(_ body: () -> Void) {
        let size = 1 << 18
        guard let memory = mmap(nil, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0),
              memory != MAP_FAILED else { return body() }
        var stack = stack_t(ss_sp: memory, ss_flags: 0, ss_size: size)
        sigaltstack(&stack, nil)
        body()
        var disabled = stack_t(ss_sp: nil, ss_flags: Int32(SS_DISABLE), ss_size: 0)
        sigaltstack(&disabled, nil)
        munmap(memory, size)
    }

    private final class Job {
        let body: () -> Void
        init(_ body: @escaping () -> Void) { self.body = body }
    }

    private static func start(_ job: Job) -> pthread_t {
        // Where address space is scarce (strict overcommit), a smaller stack beats no thread.
        var stack = size
        while true {
            var attributes = pthread_attr_t()
            pthread_attr_init(&attributes)
            defer { pthread_attr_destroy(&attributes) }
            pthread_attr_setstacksize(&attributes, stack)
            // A frame larger than the guard could step over it into other memory instead of faulting.
            pthread_attr_setguardsize(&attributes, 1 << 20)
            var thread = pthread_t()
            let context = Unmanaged.passRetained(job).toOpaque()
            let status = pthread_create(&thread, &attributes, { context in
                let job = Unmanaged<Job>.fromOpaque(context!).takeRetainedValue()
                LargeStack.withAlternateSignalStack(job.body)
                return nil
            }, context)
            if status == 0 { return thread }
            Unmanaged<Job>.fromOpaque(context).release()
            // Without a thread there is nothing sensible left to do: the process is out of resources.
            precondition(stack > 8 << 20, "uapi: cannot start a worker thread (pthread_create: \(String(cString: strerror(status))))")
            stack /= 2
        }
    }
}

/// Runs two independent computations at once (the two sides of a diff, say).
package func inParallel<A, B>(_ first: () -> A, _ second: () -> B) -> (A, B) {
    var a: A?
    var b: B?
    withoutActuallyEscaping(first) { first in
        withoutActuallyEscaping(second) { second in
            DispatchQueue.concurrentPerform(iterations: 2) { index in
                // Each result is written by exactly one iteration.
                if index == 0 { a = first() } else { b = second() }
            }
        }
    }
    return (a!, b!)
}
