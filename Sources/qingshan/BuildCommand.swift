import ArgumentParser
import Foundation
import QingshanKit

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "生成网站到输出文件夹；有错误时不写入任何文件。Build the site into the output folder. A failed build writes nothing."
    )

    @OptionGroup var site: SiteOptions

    @Option(name: .long, help: "输出文件夹（默认为网站文件夹中的 public/）。The output folder; default: public/ in the site root.")
    var output: String?

    @Option(name: .long, help: "同时生成离线版 ZIP（含使用说明.txt）。Also write the site as a ZIP for offline use (with 使用说明.txt).")
    var archive: String?

    @Flag(name: .long, help: "显示各阶段用时。Print the time each phase of the build took.")
    var timings = false

    @Flag(name: .long, help: "忽略缓存，重新生成全部页面。Render every page again, ignoring the build cache in .qingshan/.")
    var clean = false

    @Flag(name: .long, help: "试运行，不写入文件。Do all the work of a build but write nothing (for timing and validation).")
    var dryRun = false

    @Flag(name: .long, help: "监视改动，保存即重新生成。Keep watching content/ and site-templates/ and rebuild on every change.")
    var watch = false

    /// The options as plain values (`BuildInvocation` runs them).
    var invocation: BuildInvocation {
        BuildInvocation(
            site: site.arguments, output: output, archive: archive, timings: timings, clean: clean, dryRun: dryRun,
            watch: watch)
    }

    func run() throws { try invocation.run() }
}

/// One `qingshan build`: its options as values, whether ArgumentParser read them or
/// `BuildInvocation(fastArguments:)` did.
struct BuildInvocation: Equatable {
    var site = SiteArguments()
    var output: String?
    var archive: String?
    var timings = false
    var clean = false
    var dryRun = false
    var watch = false

    func run() throws {
        if watch { return try runWatching() }
        let started = Date()
        let root = site.rootURL
        let renderer = site.renderer()
        let outputURL = try site.outputFolder(output, renderer: renderer)
        let writer = OutputWriter(root: root, output: outputURL)
        // A dry run writes nothing, not even the removal of the cache.
        if clean && !dryRun { try? FileManager.default.removeItem(at: BuildCache.url(root: root)) }
        var builder = (clean || dryRun) ? SiteBuilder(root: root) : SiteBuilder.incremental(root: root, output: outputURL)
        // A first build writes its pages into the staging folder as it renders them.
        let staging: StagingFolder?
        do {
            staging = dryRun ? nil : try writer.beginFirstBuild()
        } catch let diagnostic as Diagnostic {
            renderer.render(Diagnostics([diagnostic]))
            throw ExitCode.failure
        }
        defer { staging?.discard() }
        builder.staging = staging
        let cacheRead = Date()
        let cacheResident = PhaseClock.residentMiB()
        let progress = ProgressLine(language: renderer.language)
        builder.progress = { done, total in progress.update(done: done, total: total) }
        let result = builder.build()
        progress.finish()
        if timings {
            printTimings([(phase: "read build cache", seconds: cacheRead.timeIntervalSince(started), residentMiB: cacheResident)] + result.timings)
        }
        renderer.render(result.diagnostics)
        renderer.summary(result.diagnostics)
        guard result.succeeded else {
            renderer.complain(renderer.say("build failed; \(writer.output.path) left as it was", "生成失败；\(writer.output.path) 保持原样，未做任何改动"))
            throw ExitCode.failure
        }
        if dryRun {
            let bytes = result.files.values.reduce(0) { $0 + $1.count }
            let seconds = FixedDecimal.text(Date().timeIntervalSince(started), digits: 2)
            print(
                renderer.say(
                    "dry run: rendered \(result.renderedPageCount) pages, \(result.files.count) files, \(bytes) bytes, nothing written in \(seconds) s",
                    "试运行：生成 \(result.renderedPageCount) 个页面、\(result.files.count) 个文件，共 \(bytes) 字节，未写入任何文件，用时 \(seconds) 秒"))
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
            for path in result.keptFiles + result.stagedPages.map(\.path) {
                complete.files[path] = FileManager.default.contents(atPath: writer.output.appendingPathComponent(path).path)
            }
            try writeArchive(result: complete, path: archive)
        }
        let seconds = Date().timeIntervalSince(started)
        let shown = SiteArguments.displayName(output: output, root: site.root)
        print(BuildReport.line(result: result, summary: summary, output: shown, seconds: seconds, language: renderer.language))
    }

    private func printTimings(_ laps: [(phase: String, seconds: Double, residentMiB: Int)]) {
        for lap in laps {
            FileHandle.standardError.write(Data((String(format: "%8.3f s %6d MiB  ", lap.seconds, lap.residentMiB) + lap.phase + "\n").utf8))
        }
    }
}
