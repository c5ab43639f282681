import ArgumentParser
import Foundation
import QingshanKit

/// `qingshan snapshot --date 2021-09-30`: records the data as published on that date under
/// content/snapshots/, so the next builds show what changed since (本期变化).
struct SnapshotCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "snapshot",
        abstract: "Record the data as published on a date (content/snapshots/DATE/), for 本期变化 and record histories.",
        discussion: "Run it after publishing: edit the data, build, check, publish, then `qingshan snapshot --date YYYY-MM-DD`."
    )

    @OptionGroup var site: SiteOptions

    @Option(help: "The publication's date, YYYY-MM-DD; not earlier than the latest snapshot.")
    var date: String

    @Option(help: "A note kept with the snapshot (what was published).")
    var note: String?

    @Flag(help: "Record again over an existing snapshot of the same date.")
    var replace = false

    func run() throws {
        let outcome = SiteBuilder(root: site.rootURL).recordSnapshot(date: date, note: note, replace: replace)
        let diagnostics = Diagnostics(outcome.diagnostics)
        let renderer = site.renderer()
        renderer.render(diagnostics)
        guard !diagnostics.hasErrors else {
            renderer.summary(diagnostics)
            throw ExitCode.failure
        }
        if site.language == .chinese {
            print("已记录 \(date) 的数据快照：content/snapshots/\(date)/ 下 \(outcome.written.count) 个文件")
        } else {
            print("snapshot \(date): wrote \(outcome.written.count) files under content/snapshots/\(date)/")
        }
    }
}
