import ArgumentParser

@main
struct Qingshan: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "qingshan",
        abstract: "Build a static reporting site from Markdown, data files and templates.",
        subcommands: [BuildCommand.self, CheckCommand.self, ServeCommand.self],
        defaultSubcommand: BuildCommand.self
    )
}

/// Options shared by the commands that read a site.
struct SiteOptions: ParsableArguments {
    @Option(name: .long, help: "The site root: the folder holding content/ and site-templates/.")
    var root: String = "."
}
