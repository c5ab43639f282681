import ArgumentParser
import Foundation
import QingshanKit

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate the site as a build would, without writing anything."
    )

    @OptionGroup var site: SiteOptions

    func run() throws {
        let result = SiteBuilder(root: URL(fileURLWithPath: site.root)).build()
        let renderer = DiagnosticRenderer()
        renderer.render(result.diagnostics)
        renderer.summary(result.diagnostics)
        guard result.succeeded else { throw ExitCode.failure }
        print("checked \(result.renderedPageCount) pages: \(result.diagnostics.summary)")
    }
}
