import Dispatch
import Foundation

/// Runs `count` jobs on `workers` threads. Each worker builds its own state once
/// (a libclang index, say) and pulls job indices until none are left. Results keep job order.
package func parallelMap<State, Result>(count: Int, workers: Int, makeState: () -> State,
                                _ body: (inout State, Int) -> Result) -> [Result] {
    let workers = max(1, min(workers, count))
    var results = [Result?](repeating: nil, count: count)
    let lock = NSLock()
    var next = 0
    results.withUnsafeMutableBufferPointer { buffer in
        let slots = buffer
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
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
