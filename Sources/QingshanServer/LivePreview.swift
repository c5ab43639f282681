public import Foundation
public import QingshanKit

/// `qingshan serve` without the command line: the preview server and the rebuild loop,
/// joined so that each rebuild tells open pages to reload or to show its diagnostics.
public struct LivePreview: Sendable {
    public var loop: RebuildLoop
    public var server: PreviewServer
    /// The language of the error overlay (see `MessageLanguage`).
    public var language: MessageLanguage = .english

    public init(root: URL, output: URL, host: String = "127.0.0.1", port: Int = 8080) {
        loop = RebuildLoop(root: root, output: output)
        server = PreviewServer(output: output, host: host, port: port)
    }

    /// Serves and rebuilds on every debounced change that `watcher` reports, until the
    /// task is cancelled. The first build is the caller's (`loop.rebuild(changes: [])`),
    /// so it can refuse to start on a bad output folder. A failed first build is
    /// announced too, so the first page opened shows its errors.
    public func run(
        watching watcher: FileWatcher, firstBuild: RebuildReport? = nil,
        onStart: @escaping @Sendable (URL) async -> Void = { _ in },
        onRebuild: @escaping @Sendable (RebuildReport) async -> Void = { _ in }
    ) async throws {
        let events = server.events
        let language = self.language
        if let firstBuild, !firstBuild.succeeded { await events.send(.error(firstBuild.diagnostics, language: language)) }
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await server.run(onStart: onStart) }
            group.addTask {
                await loop.run(watching: watcher) { report in
                    await events.send(report.succeeded ? .reload : .error(report.diagnostics, language: language))
                    await onRebuild(report)
                }
            }
            // Either ending (the server failing to bind, or cancellation) ends both.
            defer { group.cancelAll() }
            try await group.next()
        }
        await events.finish()
    }
}
