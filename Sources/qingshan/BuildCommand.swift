import ArgumentParser
import Foundation
import QingshanKit

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build the site into the output folder. A failed build writes nothing."
    )

    @OptionGroup var site: SiteOptions

    @Option(name: .long, help: "The output folder.")
    var output: String = "public"

    @Flag(name: .long, help: "Do all the work of a build but write nothing (for timing and validation).")
    var dryRun = false

    @Flag(name: .long, help: "Keep watching content/ and site-templates/ and rebuild on every change.")
    var watch = false

    func run() throws {
        if watch { return try runWatching() }
        let started = Date()
        let root = URL(fileURLWithPath: site.root)
        let outputURL = URL(fileURLWithPath: output, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
        let writer = OutputWriter(root: root, output: outputURL)
        let renderer = DiagnosticRenderer()
        if let problem = writer.validateOutputFolder() {
            renderer.render(Diagnostics([problem]))
            throw ExitCode.failure
        }
        let result = SiteBuilder(root: root).build()
        renderer.render(result.diagnostics)
        renderer.summary(result.diagnostics)
        guard result.succeeded else {
            FileHandle.standardError.write(Data("build failed; \(writer.output.path) left as it was\n".utf8))
            throw ExitCode.failure
        }
        if dryRun {
            let bytes = result.files.values.reduce(0) { $0 + $1.count }
            print("dry run: rendered \(result.renderedPageCount) pages, \(result.files.count) files, \(bytes) bytes, nothing written in \(String(format: "%.2f", Date().timeIntervalSince(started))) s")
            return
        }
        let summary: WriteSummary
        do {
            summary = try writer.write(result)
        } catch let diagnostic as Diagnostic {
            renderer.render(Diagnostics([diagnostic]))
            throw ExitCode.failure
        }
        let seconds = Date().timeIntervalSince(started)
        if let size = result.searchIndexSize { print(size.description) }
        print("built \(result.renderedPageCount) pages into \(output): \(summary.added.count) added, \(summary.changed.count) changed, \(summary.removed.count) removed, \(summary.unchanged) unchanged in \(String(format: "%.2f", seconds)) s")
    }
}
