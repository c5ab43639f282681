import ArgumentParser
import Foundation
import QingshanKit
import QingshanServer

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "本机预览：生成网站并在浏览器中预览，保存即刷新。Build the site, serve it on loopback, and rebuild and reload open pages on every change."
    )

    @OptionGroup var site: SiteOptions

    @Option(name: .long, help: "输出文件夹（默认为网站文件夹中的 public/）。The output folder; default: public/ in the site root.")
    var output: String?

    @Option(name: .long, help: "端口，0 表示自动选择。The port; 0 picks a free one.")
    var port: Int = 8080

    @Option(name: .long, help: "监听地址；非本机地址会让其他电脑看到草稿。The address to listen on. Anything but loopback shares your drafts with the network.")
    var host: String = "127.0.0.1"

    @Flag(name: .long, help: "用轮询代替 inotify（网络盘或容器）。Poll for changes instead of using inotify (network or container file systems).")
    var poll = false

    func run() async throws {
        StopSignals.stopBetweenWrites()
        let root = site.rootURL
        let renderer = site.renderer()
        let outputURL = try site.arguments.outputFolder(output, renderer: renderer)
        var preview = LivePreview(root: root, output: outputURL, host: host, port: port)
        preview.language = renderer.language
        let lines = WatchOutput(renderer: renderer)
        // Watch before the first build, so an edit made while it runs is not lost.
        let watcher = FileWatcher(root: root, mechanism: poll ? .polling : .inotify)
        let first = preview.loop.rebuild(changes: [])
        lines.report(first)
        let host = self.host
        try await preview.run(
            watching: watcher, firstBuild: first,
            onStart: { url in
                let path = outputURL.standardizedFileURL.path
                let mechanism = watcher.mechanism.rawValue
                lines.say(
                    renderer.say(
                        "serving \(path) at \(url.absoluteString) (watching content/ and site-templates/ with \(mechanism); Ctrl-C stops)",
                        "预览地址 \(url.absoluteString)（网站文件在 \(path)；正在用 \(mechanism) 监视 content/ 和 site-templates/，保存即刷新；按 Ctrl-C 停止）"))
                if !["127.0.0.1", "::1", "localhost"].contains(host) {
                    renderer.complain(
                        renderer.say(
                            "warning: listening on \(host): other machines can read this preview",
                            "warning: 正在监听 \(host)：其他电脑也能看到这个预览（包括草稿）"))
                }
            },
            onRebuild: { report in lines.report(report) })
    }
}
