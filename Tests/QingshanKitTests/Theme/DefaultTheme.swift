import Foundation
import Mustache

/// The repository's default theme, loaded straight from `site-templates/default/`
/// so the theme tests need no build pipeline: they render each layout with a
/// fixture context that follows `docs/TEMPLATES.md`.
struct DefaultTheme {
    /// The layouts every theme must provide (docs/TEMPLATES.md, "Layout choice").
    static let requiredLayouts = ["home", "section", "page", "updates", "search", "404"]

    /// The repository root, found from this file's path (Tests/QingshanKitTests/Theme/).
    static let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()
        .deletingLastPathComponent()
        .deletingLastPathComponent()
        .deletingLastPathComponent()

    static let directory = repositoryRoot.appendingPathComponent("site-templates/default")
    static let fixtures = repositoryRoot.appendingPathComponent("Tests/QingshanKitTests/Fixtures/theme")
    static let golden = repositoryRoot.appendingPathComponent("Tests/QingshanKitTests/Golden/theme")

    /// Template sources by name: `layouts/page`, `partials/head`, ...
    let sources: [String: String]
    /// The swift-mustache library: partials under their bare name (as `{{> head}}`
    /// calls them), layouts under `layouts/<name>`.
    let library: MustacheLibrary

    init() throws {
        var sources: [String: String] = [:]
        var library = MustacheLibrary()
        for folder in ["layouts", "partials"] {
            let url = Self.directory.appendingPathComponent(folder)
            let names = try FileManager.default.contentsOfDirectory(atPath: url.path)
                .filter { $0.hasSuffix(".mustache") }
                .sorted()
            for file in names {
                let text = try String(contentsOf: url.appendingPathComponent(file), encoding: .utf8)
                let base = String(file.dropLast(".mustache".count))
                sources["\(folder)/\(base)"] = text
                let template = try MustacheTemplate(string: text)
                library.register(template, named: folder == "partials" ? base : "layouts/\(base)")
            }
        }
        self.sources = sources
        self.library = library
    }

    /// Renders one layout with a context decoded from JSON.
    func render(layout: String, context: Any) -> String? {
        library.render(context, withTemplate: "layouts/\(layout)")
    }

    /// The stylesheet text.
    static func stylesheet() throws -> String {
        try String(contentsOf: directory.appendingPathComponent("assets/style.css"), encoding: .utf8)
    }

    /// A fixture context (`Fixtures/theme/<name>.json`) as plain dictionaries and arrays.
    static func context(_ name: String) throws -> Any {
        let data = try Data(contentsOf: fixtures.appendingPathComponent("\(name).json"))
        return try JSONSerialization.jsonObject(with: data)
    }
}
