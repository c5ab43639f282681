import ArgumentParser
import Foundation
import QingshanKit

/// `qingshan new DIR [--title TEXT]`: a working site for another bureau, from the binary
/// alone. The theme stays in the binary; `qingshan build` in DIR needs nothing else.
struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "新建网站：在空文件夹中生成可直接使用的网站。Create a working site in an empty or new folder."
    )

    @Argument(help: "新网站的文件夹（不存在或为空）。The folder for the new site; it must not exist or be empty.")
    var folder: String

    @Option(name: .long, help: "网站标题。The site's title.")
    var title: String = "新建专栏"

    @Flag(name: .long, help: "同时写出默认外观到 site-templates/default，以便修改。Also write the default theme to site-templates/default, to change it.")
    var withTheme = false

    @Option(name: .long, help: "提示语言 zh 或 en。Message language, zh or en.")
    var lang: LanguageOption?

    func run() throws {
        let language = MessageLanguage.resolve(flag: lang?.rawValue, environment: ProcessInfo.processInfo.environment, siteLanguage: "zh-CN")
        let url = URL(fileURLWithPath: folder, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
        let renderer = DiagnosticRenderer(language: language)
        if let existing = try? FileManager.default.contentsOfDirectory(atPath: url.path), !existing.isEmpty {
            renderer.complain(
                renderer.say(
                    "error: \(folder) is not empty; qingshan new only writes into a new or empty folder",
                    "error: 文件夹 \(folder) 不是空的；qingshan new 只在新文件夹或空文件夹中新建网站，以免覆盖已有文件"))
            throw ExitCode.failure
        }
        do {
            try StarterSite.write(title: title, to: url)
            if withTheme { try EmbeddedTheme.write(to: url.appendingPathComponent("site-templates/\(EmbeddedTheme.name)")) }
        } catch {
            renderer.complain(renderer.say("error: cannot write \(folder): \(error.localizedDescription)", "error: 无法写入 \(folder)：\(error.localizedDescription)"))
            throw ExitCode.failure
        }
        print(
            renderer.say(
                "created \(folder). Next: cd \(folder) && qingshan serve (preview), qingshan build (write public/)",
                "已新建网站 \(folder)。下一步：cd \(folder)，运行 qingshan serve 预览，qingshan build 生成到 public/"))
    }
}
