import Foundation

@testable import QingshanKit

/// A page file: front matter split and read, then its body through the Markdown guard and
/// libcmark (the guard refuses the shapes that make libcmark 0.30 take quadratic time, so
/// a timeout here is a finding too).
enum PageFuzz {
    static func run(_ bytes: [UInt8]) {
        let text = String(decoding: bytes, as: UTF8.self)
        _ = TextSafety.scan(bytes, path: "pages/x.md")
        guard case .success(let split) = FrontMatter.split(text, path: "pages/x.md") else { return }
        if let yaml = split.yaml { _ = FrontMatter.parse(yaml, path: "pages/x.md") }
        _ = Markdown.render(String(split.body), path: "pages/x.md", lineOffset: split.bodyLineOffset, options: options(rawHTML: false))
    }

    /// A Markdown body alone; the first byte chooses raw HTML on or off.
    static func markdown(_ bytes: [UInt8]) {
        guard let mode = bytes.first else { return }
        let body = String(decoding: bytes.dropFirst(), as: UTF8.self)
        _ = Markdown.render(body, path: "pages/x.md", options: options(rawHTML: mode & 1 == 1))
    }

    /// The bundled site's datasets (read from `content/data` in the folder the fuzzer runs
    /// in, as scripts/fuzz does), so data blocks reach the queries and the charts.
    static let blocks = DataBlockRenderer(
        datasets: DatasetLoader.load(
            dataFolder: URL(fileURLWithPath: "content/data"), root: URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        ).datasets)

    /// Options as a site build sets them: `.md` links replaced, data blocks rendered.
    private static func options(rawHTML: Bool) -> MarkdownOptions {
        var options = MarkdownOptions()
        options.allowRawHTML = rawHTML
        options.blockViews = DataBlockRenderer.viewNames
        options.resolveLink = { destination, _ in destination.hasSuffix(".md") ? .replace("../page/") : .keep }
        options.renderBlock = { view, info, body, start in
            let result = blocks.render(view: view, info: info, body: body, bodyStart: start)
            return RenderedBlock(html: result.html, diagnostics: result.diagnostics)
        }
        return options
    }
}
