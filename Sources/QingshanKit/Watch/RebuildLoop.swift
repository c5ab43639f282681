public import Foundation

/// What one rebuild did, for the one-line report and the live-reload server.
public struct RebuildReport: Sendable {
    /// The changed paths that caused it (site-root-relative), empty for the first build.
    public var changes: [String]
    public var diagnostics: Diagnostics
    public var renderedPageCount: Int
    /// What writing changed; `nil` when the build failed and nothing was written.
    public var writeSummary: WriteSummary?
    public var duration: Duration

    /// Whether the new site was built and written. A failed rebuild leaves the output
    /// folder as it was.
    public var succeeded: Bool { writeSummary != nil && !diagnostics.hasErrors }

    /// "content/data/villages.csv (data): 52 pages re-rendered, 3 files written in 0.41 s",
    /// or "…: failed, 2 errors; the last good site is kept".
    public var line: String {
        let what = changes.isEmpty ? "first build" : ChangeClassifier.summary(of: changes)
        let seconds = FixedDecimal.seconds(duration)
        guard succeeded, let summary = writeSummary else {
            return "\(what): failed, \(diagnostics.summary); the last good site is kept (\(seconds) s)"
        }
        let written = summary.added.count + summary.changed.count + summary.removed.count
        return "\(what): \(renderedPageCount) pages re-rendered, \(written) files written in \(seconds) s"
    }
}

/// Watches a site and rebuilds it after each debounced burst of changes.
///
/// Used by `qingshan build --watch` and `qingshan serve`. Rebuilding is a black box
/// (`rebuild(changes:)`): build, then write only when the build succeeded. Between
/// rebuilds the build cache stays in memory (`RebuildMemory`): a rebuild starts from
/// the last one's state instead of reading `.qingshan/cache.bin` back, and the file is
/// saved after the reload is announced, off the edit-to-reload path.
public struct RebuildLoop: Sendable {
    public var root: URL
    public var output: URL
    public var quietPeriod: Duration = .milliseconds(150)
    public var maximumDelay: Duration = .seconds(1)
    /// Shared by copies of the loop (the server holds one, the command another).
    private let memory = RebuildMemory()

    public init(root: URL, output: URL) {
        self.root = root.standardizedFileURL
        self.output = output.standardizedFileURL
    }

    /// Builds the site and writes it if the build succeeded, and saves the build cache.
    /// Synchronous and CPU-bound: `run` calls it off the cooperative thread pool.
    public func rebuild(changes: [String]) -> RebuildReport {
        let report = rebuildInMemory(changes: changes)
        memory.persist(root: root)
        return report
    }

    /// `rebuild` without saving the build cache to disk: the caller calls
    /// `memory.persist` once the reload is announced.
    ///
    /// The one place that invokes the pipeline, so an incremental build plugs in here.
    private func rebuildInMemory(changes: [String]) -> RebuildReport {
        let clock = ContinuousClock()
        let started = clock.now
        var builder = SiteBuilder(root: root)
        builder.outputFolder = output
        builder.previous = memory.cache { BuildCache.load(root: root, stampsOnly: true) }
        // The watcher's list says which stamps to take again; anything it cannot vouch
        // for (a new or removed file, a folder, lost events) walks the folders.
        builder.stamps = changes.isEmpty ? nil : memory.stamps?.updating(changes: changes, root: root)
        let result = builder.build()
        memory.keep(stamps: result.stamps)
        var diagnostics = result.diagnostics
        var summary: WriteSummary?
        if result.succeeded {
            do {
                let written = try OutputWriter(root: root, output: output).write(result, savingCache: false)
                summary = written.summary
                // Nothing written (nothing changed): the cache that said so still holds.
                if let cache = written.cache { memory.keep(cache, unsaved: true) } else { memory.keepIfEmpty(builder.previous) }
            } catch let diagnostic as Diagnostic {
                diagnostics.append(diagnostic)
                memory.keep(nil, unsaved: false)
            } catch {
                diagnostics.error(.watchWriteFailed(error.localizedDescription), at: nil)
                memory.keep(nil, unsaved: false)
            }
        }
        return RebuildReport(
            changes: changes, diagnostics: diagnostics, renderedPageCount: result.renderedPageCount,
            writeSummary: summary, duration: clock.now - started)
    }

    /// Rebuilds after each debounced batch that `watcher` reports, calling `onRebuild`
    /// with each report in order, until the task is cancelled (which stops the watcher).
    public func run(watching watcher: FileWatcher, onRebuild: @escaping @Sendable (RebuildReport) async -> Void) async {
        let pending = Locked(ChangeDebouncer<ContinuousClock.Instant>(quietPeriod: quietPeriod, maximumDelay: maximumDelay))
        let (wake, waker) = AsyncStream<Void>.makeStream(bufferingPolicy: .bufferingNewest(1))
        let loop = self
        await withTaskCancellationHandler {
            await withTaskGroup(of: Void.self) { group in
                group.addTask {
                    for await paths in watcher.changes {
                        let kept = pending.withLock { $0.record(paths, at: .now) }
                        if kept { waker.yield() }
                    }
                    waker.finish()
                }
                group.addTask {
                    var wakeUps = wake.makeAsyncIterator()
                    while !Task.isCancelled {
                        guard let deadline = pending.withLock({ $0.deadline }) else {
                            // Nothing pending: wait for the watcher (nil once it stopped).
                            guard await wakeUps.next() != nil else { return }
                            continue
                        }
                        try? await Task.sleep(until: deadline, clock: .continuous)
                        if Task.isCancelled { return }
                        // More changes may have moved the deadline on; then wait again.
                        guard let batch = pending.withLock({ $0.flush(at: .now) }) else { continue }
                        let report = await loop.rebuildOffPool(changes: batch)
                        await onRebuild(report)
                    }
                }
            }
        } onCancel: {
            watcher.stop()
        }
    }

    /// `rebuild` on a thread of its own: it blocks for as long as the build takes, and the
    /// cooperative pool (which a server in the same process answers from) has as few
    /// threads as cores.
    /// The build cache is saved on the same thread after the report is handed over, so
    /// the reload is announced without waiting for it (the next rebuild does wait).
    private func rebuildOffPool(changes: [String]) async -> RebuildReport {
        await withCheckedContinuation { continuation in
            let thread = Thread {
                continuation.resume(returning: rebuildInMemory(changes: changes))
                memory.persist(root: root)
            }
            thread.name = "qingshan.rebuild"
            thread.start()
        }
    }
}

/// The build cache of the last rebuild written, kept between rebuilds, and whether it
/// still has to be saved to `.qingshan/cache.bin` (so the next command-line build, or
/// the next `serve`, starts incremental too).
final class RebuildMemory: Sendable {
    private let state = Locked<(cache: BuildCache?, unsaved: Bool)>((nil, false))
    /// The source stamps the last build saw (failed or not): the next one updates them
    /// from the watcher's changes.
    private let lastStamps = Locked<SourceStamps?>(nil)

    var stamps: SourceStamps? { lastStamps.withLock { $0 } }

    func keep(stamps: SourceStamps?) { lastStamps.withLock { $0 = stamps } }

    /// The cache to start the next build from: the one in memory, else `load()`. Waits
    /// while the last one is being saved.
    func cache(orElse load: () -> BuildCache?) -> BuildCache? {
        state.withLock { $0.cache } ?? load()
    }

    /// Keeps `cache` for the next rebuild (`nil` forgets it: the next reads the file).
    func keep(_ cache: BuildCache?, unsaved: Bool) {
        state.withLock { $0 = (cache, unsaved) }
    }

    /// Keeps `cache` unless one is kept already (the first build found nothing to do).
    func keepIfEmpty(_ cache: BuildCache?) {
        state.withLock { if $0.cache == nil { $0 = (cache, false) } }
    }

    /// Saves the kept cache if it is not saved yet, under the build lock. A build running
    /// from the command line at the same time holds the lock: the save is then left to
    /// the next rebuild (that build saves its own cache).
    func persist(root: URL) {
        state.withLock { state in
            guard state.unsaved, let cache = state.cache,
                let lock = try? BuildLock(url: root.appendingPathComponent(".qingshan/build.lock"))
            else { return }
            defer { lock.release() }
            try? cache.save(root: root)
            state.unsaved = false
        }
    }
}
