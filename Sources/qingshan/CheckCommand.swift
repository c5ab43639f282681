import ArgumentParser
import Foundation
import QingshanKit

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "检查网站（与生成相同的检查，外加链接、锚点、个人信息和无障碍），不写入文件。Validate the site as a build would, without writing anything."
    )

    @OptionGroup var site: SiteOptions

    @Flag(help: "只做离线检查。Only the offline audit of the output (absolute paths, other hosts, module scripts, folder links).")
    var offline = false

    @Option(help: "输出格式 text 或 json。Output format: text or json.")
    var format: OutputFormat = .text

    enum OutputFormat: String, ExpressibleByArgument { case text, json }

    func run() throws {
        var builder = SiteBuilder(root: URL(fileURLWithPath: site.root))
        builder.outputChecks =
            offline
            ? OutputCheckOptions(links: false, offline: true, accessibility: false, personalData: false)
            : OutputCheckOptions(links: true, offline: true, accessibility: true, personalData: true)
        let result = builder.build()
        let renderer = site.renderer()
        if format == .json {
            // Machines read the ids; the text follows --lang only when it is given.
            print(DiagnosticFormatter.json(result.diagnostics, language: site.lang?.language ?? .english))
        } else {
            renderer.render(result.diagnostics)
            renderer.summary(result.diagnostics)
        }
        guard result.succeeded else { throw ExitCode.failure }
        if format == .text {
            let count = result.renderedPageCount
            let problems = result.diagnostics.summary(in: renderer.language)
            print(renderer.say("checked \(count) pages: \(problems)", "已检查 \(count) 个页面：\(problems)"))
        }
    }
}
