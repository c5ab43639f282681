import ArgumentParser
import Foundation
import QingshanKit

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate the site as a build would, without writing anything."
    )

    @OptionGroup var site: SiteOptions

    @Flag(help: "Only the offline audit of the output (absolute paths, other hosts, module scripts, folder links).")
    var offline = false

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    enum OutputFormat: String, ExpressibleByArgument { case text, json }

    func run() throws {
        var builder = SiteBuilder(root: URL(fileURLWithPath: site.root))
        builder.outputChecks =
            offline
            ? OutputCheckOptions(links: false, offline: true, accessibility: false, personalData: false)
            : OutputCheckOptions(links: true, offline: true, accessibility: true, personalData: true)
        let result = builder.build()
        if format == .json {
            print(DiagnosticFormatter.json(result.diagnostics))
        } else {
            let renderer = DiagnosticRenderer()
            renderer.render(result.diagnostics)
            renderer.summary(result.diagnostics)
        }
        guard result.succeeded else { throw ExitCode.failure }
        if format == .text { print("checked \(result.renderedPageCount) pages: \(result.diagnostics.summary)") }
    }
}
