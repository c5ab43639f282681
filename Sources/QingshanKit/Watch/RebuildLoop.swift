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
        let seconds = String(format: "%.2f", Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18)
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
/// (`rebuild(changes:)`): build, then write only when the build succeeded.
public struct RebuildLoop: Sendable {
    public var root: URL
    public var output: URL
    public var quietPeriod: Duration = .milliseconds(150)
    public var maximumDelay: Duration = .seconds(1)

    public init(root: URL, output: URL) {
        self.root = root.standardizedFileURL
        self.output = output.standardizedFileURL
    }

    /// Builds the site and writes it if the build succeeded. Synchronous and CPU-bound:
    /// `run` calls it off the cooperative thread pool.
    ///
    /// The one place that invokes the pipeline, so an incremental build plugs in here.
    public func rebuild(changes: [String]) -> RebuildReport {
        let clock = ContinuousClock()
        let started = clock.now
        let result = SiteBuilder.incremental(root: root, output: output).build()
        var diagnostics = result.diagnostics
        var summary: WriteSummary?
        if result.succeeded {
            do {
                summary = try OutputWriter(root: root, output: output).write(result)
            } catch let diagnostic as Diagnostic {
                diagnostics.append(diagnostic)
            } catch {
                diagnostics.error(.watchWriteFailed(error.localizedDescription), at: nil)
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
    private func rebuildOffPool(changes: [String]) async -> RebuildReport {
        await withCheckedContinuation { continuation in
            let thread = Thread { continuation.resume(returning: rebuild(changes: changes)) }
            thread.name = "qingshan.rebuild"
            thread.start()
        }
    }
}
