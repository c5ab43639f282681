import Foundation
import QingshanKit

@testable import QingshanServer

/// A temporary copy of the `basic` fixture site, built once, and a server on an
/// ephemeral loopback port for the length of one test.
struct ServedSite {
    let root: URL
    var output: URL { root.appendingPathComponent("public") }

    static let fixture = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("QingshanKitTests/Fixtures/sites/basic")

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("qingshan-serve-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        for item in ["content", "site-templates"] {
            try FileManager.default.copyItem(at: Self.fixture.appendingPathComponent(item), to: root.appendingPathComponent(item))
        }
    }

    func remove() { try? FileManager.default.removeItem(at: root) }

    func write(_ text: String, to path: String) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    func read(_ path: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
    }

    struct StartFailed: Error {}

    /// Runs `body` with the port of a server for this site; `live` also watches and rebuilds.
    func withServer<T: Sendable>(live: Bool = false, _ body: @Sendable (Int) async throws -> T) async throws -> T {
        let preview = LivePreview(root: root, output: output, host: "127.0.0.1", port: 0)
        let loop = preview.loop
        let first = try await LoopbackClient.offPool { loop.rebuild(changes: []) }
        let watcher = live ? FileWatcher(root: root) : nil
        let (started, starter) = AsyncStream<URL>.makeStream()
        let task = Task {
            if let watcher {
                try await preview.run(watching: watcher, firstBuild: first, onStart: { starter.yield($0) })
            } else {
                try await preview.server.run(onStart: { starter.yield($0) })
            }
            starter.finish()
        }
        defer { task.cancel() }
        guard first.succeeded, let url = await started.first(where: { _ in true }), let port = url.port, port > 0 else {
            throw StartFailed()
        }
        let result = try await body(port)
        task.cancel()
        _ = await task.result
        return result
    }
}
