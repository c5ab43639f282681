import ArgumentParser
import Foundation
import QingshanKit
import QingshanServer

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Build the site, serve it on loopback, and rebuild and reload open pages on every change."
    )

    @OptionGroup var site: SiteOptions

    @Option(name: .long, help: "The output folder.")
    var output: String = "public"

    @Option(name: .long, help: "The port; 0 picks a free one.")
    var port: Int = 8080

    @Option(name: .long, help: "The address to listen on. Anything but loopback shares your drafts with the network.")
    var host: String = "127.0.0.1"

    @Flag(name: .long, help: "Poll for changes instead of using inotify (network or container file systems).")
    var poll = false

    func run() async throws {
        let root = site.rootURL
        let renderer = DiagnosticRenderer()
        let outputURL = try site.outputFolder(output, renderer: renderer)
        let preview = LivePreview(root: root, output: outputURL, host: host, port: port)
        // Watch before the first build, so an edit made while it runs is not lost.
        let watcher = FileWatcher(root: root, mechanism: poll ? .polling : .inotify)
        let first = preview.loop.rebuild(changes: [])
        WatchOutput.report(first, renderer: renderer)
        let host = self.host
        try await preview.run(
            watching: watcher, firstBuild: first,
            onStart: { url in
                print("serving \(outputURL.standardizedFileURL.path) at \(url.absoluteString) (watching content/ and site-templates/ with \(watcher.mechanism.rawValue); Ctrl-C stops)")
                fflush(nil)
                if !["127.0.0.1", "::1", "localhost"].contains(host) {
                    FileHandle.standardError.write(Data("warning: listening on \(host): other machines can read this preview\n".utf8))
                }
            },
            onRebuild: { report in WatchOutput.report(report, renderer: renderer) })
    }
}

/// The watch modes' output: diagnostics on standard error, one line per rebuild on
/// standard output.
enum WatchOutput {
    static func report(_ report: RebuildReport, renderer: DiagnosticRenderer) {
        renderer.render(report.diagnostics)
        let time = Date().formatted(.dateTime.hour(.twoDigits(amPM: .omitted)).minute(.twoDigits).second(.twoDigits))
        print("[\(time)] \(report.line)")
        fflush(nil)
    }
}
