import ArgumentParser
import Foundation
import QingshanKit

@main
struct Qingshan: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "qingshan",
        abstract: "青山：用 Markdown、数据表和模板生成静态报告网站。Build a static reporting site from Markdown, data files and templates.",
        subcommands: [BuildCommand.self, CheckCommand.self, ServeCommand.self, NewCommand.self, SnapshotCommand.self],
        defaultSubcommand: BuildCommand.self
    )

    /// `qingshan [build]` with only the everyday options is read by
    /// `BuildInvocation(fastArguments:)`: ArgumentParser's reflection costs about 20 M
    /// instructions at every start, a third of a no-op build at N = 1,000. Everything else
    /// (help, other commands, errors) goes through ArgumentParser.
    static func main() async {
        guard let invocation = BuildInvocation(fastArguments: Array(CommandLine.arguments.dropFirst())) else {
            return await main(nil)
        }
        do { try invocation.run() } catch { BuildCommand.exit(withError: error) }
    }
}

/// `--lang zh|en`: the language of messages (see `MessageLanguage`).
enum LanguageOption: String, ExpressibleByArgument, CaseIterable {
    case zh, en

    var language: MessageLanguage { self == .zh ? .chinese : .english }
}

/// Options shared by the commands that read a site.
struct SiteOptions: ParsableArguments {
    @Option(name: .long, help: "网站文件夹（含 content/）。The site root: the folder holding content/ (and site-templates/, if any).")
    var root: String = "."

    @Option(
        name: .long,
        help: "提示语言 zh 或 en（也可设 QINGSHAN_LANG）。Message language, zh or en; default: zh for a zh-CN site or a Chinese locale.")
    var lang: LanguageOption?

    /// The same options as plain values, for code that also runs without ArgumentParser.
    var arguments: SiteArguments { SiteArguments(root: root, lang: lang) }
    var rootURL: URL { arguments.rootURL }
    var language: MessageLanguage { arguments.language }
    func renderer() -> DiagnosticRenderer { arguments.renderer() }
}

/// `--root` and `--lang` as values, and what the commands make of them.
struct SiteArguments: Equatable {
    var root = "."
    var lang: LanguageOption?

    var rootURL: URL { URL(fileURLWithPath: root) }

    /// The language of this run (see `MessageLanguage.resolve`).
    var language: MessageLanguage {
        MessageLanguage.resolve(
            flag: lang?.rawValue, environment: ProcessInfo.processInfo.environment,
            siteLanguage: SiteConfig.declaredLanguage(root: rootURL))
    }

    func renderer() -> DiagnosticRenderer { DiagnosticRenderer(language: language) }

    /// The output folder: `output` relative to the current folder when given, else
    /// `public/` inside the site root (as `hugo -s DIR` does), after refusing one that
    /// overlaps the site's sources; the refusal is printed and ends the command.
    func outputFolder(_ output: String?, renderer: DiagnosticRenderer) throws -> URL {
        let url =
            output.map { URL(fileURLWithPath: $0, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath)) }
            ?? rootURL.appendingPathComponent("public")
        if let problem = OutputWriter(root: rootURL, output: url).validateOutputFolder() {
            renderer.render(Diagnostics([problem]))
            throw ExitCode.failure
        }
        return url
    }

    /// How the output folder is named in messages: as given, else `public` under the root.
    static func displayName(output: String?, root: String) -> String {
        output ?? (root == "." ? "public" : (root as NSString).appendingPathComponent("public"))
    }
}
