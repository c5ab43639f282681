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

    @Option(name: .long, help: "Also write the site as a ZIP for offline use (with 使用说明.txt).")
    var archive: String?

    @Flag(name: .long, help: "Print the time each phase of the build took.")
    var timings = false

    @Flag(name: .long, help: "Render every page again, ignoring the build cache in .qingshan/.")
    var clean = false

    @Flag(name: .long, help: "Do all the work of a build but write nothing (for timing and validation).")
    var dryRun = false

    @Flag(name: .long, help: "Keep watching content/ and site-templates/ and rebuild on every change.")
    var watch = false

    func run() throws {
        if watch { return try runWatching() }
        let started = Date()
        let root = site.rootURL
        let renderer = DiagnosticRenderer()
        let outputURL = try site.outputFolder(output, renderer: renderer)
        let writer = OutputWriter(root: root, output: outputURL)
        if clean { try? FileManager.default.removeItem(at: BuildCache.url(root: root)) }
        var builder = (clean || dryRun) ? SiteBuilder(root: root) : SiteBuilder.incremental(root: root, output: outputURL)
        let cacheRead = Date()
        let cacheResident = PhaseClock.residentMiB()
        let progress = ProgressLine()
        builder.progress = { done, total in progress.update(done: done, total: total) }
        let result = builder.build()
        progress.finish()
        if timings {
            printTimings([(phase: "read build cache", seconds: cacheRead.timeIntervalSince(started), residentMiB: cacheResident)] + result.timings)
        }
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
        var clock = PhaseClock()
        do {
            summary = try writer.write(result)
        } catch let diagnostic as Diagnostic {
            renderer.render(Diagnostics([diagnostic]))
            throw ExitCode.failure
        }
        clock.lap("write output, cache, manifest")
        if timings { printTimings(clock.laps) }
        if let archive {
            var complete = result
            for path in result.keptFiles {
                complete.files[path] = FileManager.default.contents(atPath: writer.output.appendingPathComponent(path).path)
            }
            try writeArchive(result: complete, path: archive)
        }
        let seconds = Date().timeIntervalSince(started)
        print(BuildReport.line(result: result, summary: summary, output: output, seconds: seconds))
    }

    private func printTimings(_ laps: [(phase: String, seconds: Double, residentMiB: Int)]) {
        for lap in laps {
            FileHandle.standardError.write(Data((String(format: "%8.3f s %6d MiB  ", lap.seconds, lap.residentMiB) + lap.phase + "\n").utf8))
        }
    }
}
