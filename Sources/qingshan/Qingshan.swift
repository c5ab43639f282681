import ArgumentParser
import Foundation
import QingshanKit

@main
struct Qingshan: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "qingshan",
        abstract: "Build a static reporting site from Markdown, data files and templates.",
        subcommands: [BuildCommand.self, CheckCommand.self, ServeCommand.self, SnapshotCommand.self],
        defaultSubcommand: BuildCommand.self
    )
}

/// Options shared by the commands that read a site.
struct SiteOptions: ParsableArguments {
    @Option(name: .long, help: "The site root: the folder holding content/ and site-templates/.")
    var root: String = "."

    var rootURL: URL { URL(fileURLWithPath: root) }

    /// The output folder (relative to the current folder), after refusing one that
    /// overlaps the site's sources; the refusal is printed and ends the command.
    func outputFolder(_ output: String, renderer: DiagnosticRenderer) throws -> URL {
        let url = URL(fileURLWithPath: output, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
        if let problem = OutputWriter(root: rootURL, output: url).validateOutputFolder() {
            renderer.render(Diagnostics([problem]))
            throw ExitCode.failure
        }
        return url
    }
}
