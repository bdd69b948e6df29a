import Corpus
import Foundation
import LuaBridge
import Morphology

/// What it takes to build another runner for the same plugin: each worker
/// has its own Lua state, `require` cache and MeCab tagger.
struct WorkerRecipe: Sendable {
    let path: String
    let moduleDirectories: [String]
    let mecabDictionary: String?
    let limits: ResourceLimits
    let tokenCache: TokenCache?
}

/// A document that failed in a worker, by its position in the input.
struct WorkerFailure: Error {
    let index: Int
    let error: any Error
}

/// Shared by the workers of one map run: the earliest failing document
/// (workers stop before documents that come after it, and Lua code running
/// such a document is interrupted), and the progress count.
final class WorkerControl: @unchecked Sendable {
    private let lock = NSLock()
    private var earliestFailure = Int.max
    private var done = 0
    private let progress: ProgressMeter?
    /// Open Lua states of the workers, with the first document of their range.
    private var running: [Int: (state: LuaState, first: Int)] = [:]

    init(progress: ProgressMeter?) { self.progress = progress }

    /// Whether the document at `index` still matters (no earlier one failed).
    func shouldContinue(before index: Int) -> Bool {
        lock.withLock { index < earliestFailure }
    }

    func finished(_ index: Int) {
        guard let progress else { return }
        lock.withLock {
            done += 1
            progress.update(done: done)
        }
    }

    /// Records a failure at `index` and interrupts the workers whose
    /// documents all come after it.
    func failed(at index: Int) {
        lock.withLock {
            guard index < earliestFailure else { return }
            earliestFailure = index
            for (_, worker) in running where worker.first > index { worker.state.interrupt() }
        }
    }

    /// Makes a worker's state interruptible until ``leave(_:)``; a worker
    /// that starts after an earlier failure is interrupted at once.
    func enter(_ worker: Int, state: LuaState, first: Int) {
        lock.withLock {
            running[worker] = (state, first)
            if first > earliestFailure { state.interrupt() }
        }
    }

    func leave(_ worker: Int) {
        _ = lock.withLock { running.removeValue(forKey: worker) }
    }
}

/// What one worker hands back, written by its thread and read after it ends.
final class WorkerOutcome: @unchecked Sendable {
    var aggregator: Aggregator?
    var failure: WorkerFailure?
    var printed: [String] = []
    var filesRead: [String] = []
    var mecabDictionary: MeCabDictionaryInUse?
}

extension PluginRunner {
    /// The number of workers for a map run over `documents` documents.
    func workerCount(for documents: Int) -> Int {
        max(1, min(jobs, documents, Self.maximumJobs))
    }

    /// The most workers a run uses (each holds one of the watchdog's slots).
    public static let maximumJobs = 32

    /// Runs `map` in `workerCount` workers, each over a contiguous range of
    /// the documents, and merges their aggregators. This runner is worker 0
    /// and has already run `check` and `prepare`; the others load the plugin
    /// and run them again, silently, in their own states. Prints from `map`
    /// come out in document order; on failure, the error is the one of the
    /// earliest failing document, as one worker would report it.
    func mapInWorkers(_ map: LuaReference, documents: [Document], params: LuaReference,
                      groupBy: [String], given: [String: String]) throws -> Aggregator {
        let count = workerCount(for: documents.count)
        let ranges = (0..<count).map { k in (documents.count * k / count)..<(documents.count * (k + 1) / count) }
        var limits = recipe.limits
        limits.deadline = environment.state.timeLimitDeadline
        let workerRecipe = WorkerRecipe(path: recipe.path, moduleDirectories: recipe.moduleDirectories,
                                        mecabDictionary: recipe.mecabDictionary, limits: limits, tokenCache: recipe.tokenCache)
        let control = WorkerControl(progress: progress)
        let outcomes = (0..<count).map { _ in WorkerOutcome() }
        let group = DispatchGroup()
        for worker in 1..<count {
            group.enter()
            let (range, outcome) = (ranges[worker], outcomes[worker])
            let thread = Thread {
                defer { group.leave() }
                Self.work(recipe: workerRecipe, given: given, documents: documents, range: range,
                          worker: worker, control: control, outcome: outcome)
            }
            thread.stackSize = Self.workerStackBytes
            thread.start()
        }
        do {
            outcomes[0].aggregator = try mapRange(map, documents: documents, range: ranges[0], params: params,
                                                  groupBy: groupBy, control: control)
        } catch let failure as WorkerFailure {
            outcomes[0].failure = failure
            control.failed(at: failure.index)
        } catch {
            outcomes[0].failure = WorkerFailure(index: 0, error: error)
            control.failed(at: 0)
        }
        group.wait()
        return try combine(outcomes)
    }

    /// Secondary threads get the stack a main thread has.
    static let workerStackBytes = 8 << 20

    /// Flushes the workers' prints in order and merges their results, or
    /// throws the earliest failure (after the prints that came before it).
    private func combine(_ outcomes: [WorkerOutcome]) throws -> Aggregator {
        let failing = outcomes.indices.min { a, b in
            (outcomes[a].failure?.index ?? .max) < (outcomes[b].failure?.index ?? .max)
        }.flatMap { outcomes[$0].failure == nil ? nil : $0 }
        for outcome in outcomes.prefix(through: failing ?? outcomes.count - 1).dropFirst() {
            environment.printSink.flush(outcome.printed)
        }
        if let failing, let failure = outcomes[failing].failure { throw failure.error }
        var merged = outcomes[0].aggregator ?? Aggregator(groupBy: [], operations: [])
        for outcome in outcomes.dropFirst() {
            if let aggregator = outcome.aggregator { merged.merge(aggregator) }
            environment.noteFilesRead(outcome.filesRead)
            if workerMeCab == nil, environment.morphology.dictionaryInUse == nil { workerMeCab = outcome.mecabDictionary }
        }
        return merged
    }

    /// One secondary worker: its own runner, `check` and `prepare` with
    /// prints dropped (worker 0 printed them), then `map` over `range` with
    /// prints kept for the end.
    private static func work(recipe: WorkerRecipe, given: [String: String], documents: [Document], range: Range<Int>,
                             worker: Int, control: WorkerControl, outcome: WorkerOutcome) {
        let printSink = PrintSink(mode: .discard)
        defer { outcome.printed = printSink.buffered }
        do {
            guard control.shouldContinue(before: range.lowerBound) else { return }
            let runner = try PluginRunner(recipe: recipe, printSink: printSink)
            control.enter(worker, state: runner.environment.state, first: range.lowerBound)
            defer { control.leave(worker) }
            defer {
                outcome.filesRead = runner.filesRead
                outcome.mecabDictionary = runner.mecabDictionaryInUse
            }
            outcome.aggregator = try runner.runWorker(on: documents, range: range, given: given, control: control) {
                printSink.mode = .buffer
            }
        } catch let failure as WorkerFailure {
            outcome.failure = failure
            control.failed(at: failure.index)
        } catch {
            outcome.failure = WorkerFailure(index: range.lowerBound, error: error)
            control.failed(at: range.lowerBound)
        }
    }

    /// A secondary worker's run: the same steps as ``run(on:parameters:)``
    /// up to `map`, which covers only `range`.
    private func runWorker(on documents: [Document], range: Range<Int>, given: [String: String], control: WorkerControl,
                           beforeMap: () -> Void) throws -> Aggregator {
        let parameters = try spec.resolveParameters(given)
        let params = try pushParameters(parameters)
        defer { params.release() }
        environment.dataFiles.allow(parameters: given)
        guard let map = spec.map else { throw PluginError(plugin: spec.name, message: "\(spec.path): map is gone") }
        do {
            return try environment.limited {
                try prepareRun(params: params, documents: documents)
                let groupBy = try resolvedGroupBy(params: params)
                beforeMap()
                return try mapRange(map, documents: documents, range: range, params: params, groupBy: groupBy, control: control)
            }
        } catch let error as LuaScriptError {
            throw environment.inputError(instead: error, plugin: spec.name)
        }
    }
}
