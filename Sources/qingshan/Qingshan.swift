import ArgumentParser

@main
struct Qingshan: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "qingshan",
        abstract: "Build a static reporting site from Markdown, data files and templates."
    )
}
