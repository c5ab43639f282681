import Foundation
import Mustache

@testable import QingshanKit

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
    /// Qingshan's templates: partials under their bare name (as `{{> head}}` calls
    /// them), layouts under `layouts/<name>`.
    let templates: TemplateLibrary
    /// The same templates in swift-mustache, which the theme was first written for: the
    /// reference the renderer is compared with.
    let reference: MustacheLibrary

    init() throws {
        var sources: [String: String] = [:]
        var library = MustacheLibrary()
        var templates: [String: Template] = [:]
        for folder in ["layouts", "partials"] {
            let url = Self.directory.appendingPathComponent(folder)
            let names = try FileManager.default.contentsOfDirectory(atPath: url.path)
                .filter { $0.hasSuffix(".mustache") }
                .sorted()
            for file in names {
                let text = try String(contentsOf: url.appendingPathComponent(file), encoding: .utf8)
                let base = String(file.dropLast(".mustache".count))
                sources["\(folder)/\(base)"] = text
                let name = folder == "partials" ? base : "layouts/\(base)"
                library.register(try MustacheTemplate(string: text), named: name)
                templates[name] = try Template(parsing: text)
            }
        }
        self.sources = sources
        self.reference = library
        self.templates = TemplateLibrary(templates: templates)
    }

    /// Renders one layout with a context decoded from JSON.
    func render(layout: String, context: Any) -> String? {
        templates.render("layouts/\(layout)", context: TemplateValue(json: context))?.html
    }

    /// The same, rendered by swift-mustache.
    func referenceRender(layout: String, context: Any) -> String? {
        reference.render(context, withTemplate: "layouts/\(layout)")
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

extension TemplateValue {
    /// A value decoded by `JSONSerialization`: dictionaries, arrays, strings, numbers, booleans.
    init(json: Any) {
        switch json {
        case let text as String: self = .string(text)
        case let number as NSNumber where String(cString: number.objCType) == "c" || type(of: json) == Bool.self: self = .bool(number.boolValue)
        case let number as NSNumber: self = .int(number.intValue)
        case let items as [Any]: self = .list(items.map(TemplateValue.init(json:)))
        case let values as [String: Any]: self = .map(values.mapValues(TemplateValue.init(json:)))
        default: self = .string(String(describing: json))
        }
    }
}
