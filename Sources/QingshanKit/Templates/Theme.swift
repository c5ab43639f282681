import Foundation
import Mustache

/// The layouts, partials and assets of a theme, with the site's own overrides applied.
///
/// Files come from `site-templates/<theme>/` and, taking precedence, from
/// `content/templates/`: `layouts/NAME.mustache`, `partials/NAME.mustache`, `assets/**`.
struct Theme: Sendable {
    let library: MustacheLibrary
    /// Layout names (without extension), sorted.
    let layouts: [String]
    /// Assets: output path (`assets/style.css`) → source path relative to the site root.
    let assets: [String: String]
    /// For each layout, a hash of its text and of every partial it reaches: a page's
    /// build-cache key includes the hash of its layout, so editing a partial re-renders
    /// exactly the pages whose layouts use it.
    let layoutHashes: [String: UInt64]
    /// Layouts that read `data.*` directly, and so depend on every dataset.
    let layoutsReadingData: Set<String>

    static let overridesFolder = "content/templates"

    static func load(root: URL, name: String) -> (Theme?, [Diagnostic]) {
        let themeFolder = "site-templates/\(name)"
        guard FileManager.default.fileExists(atPath: root.appendingPathComponent(themeFolder + "/layouts").path) else {
            return (nil, [.error(.missingTemplateFolder(name), at: SourceLocation(path: SiteConfig.path))])
        }
        var diagnostics: [Diagnostic] = []
        // Later folders override earlier ones.
        let folders = [themeFolder, overridesFolder]
        var texts: [String: (text: String, path: String)] = [:]
        var assets: [String: String] = [:]
        for folder in folders {
            for kind in ["layouts", "partials"] {
                let base = "\(folder)/\(kind)"
                for file in SourceFile.list(in: root.appendingPathComponent(base), extensions: ["mustache"]) {
                    let name = String(file.dropLast(".mustache".count))
                    let key = kind == "layouts" ? "layout/\(name)" : name
                    let path = "\(base)/\(file)"
                    switch SourceFile.readText(root.appendingPathComponent(path), path: path) {
                    case .success(let text): texts[key] = (text, path)
                    case .failure(let diagnostic): diagnostics.append(diagnostic)
                    }
                }
            }
            for file in SourceFile.list(in: root.appendingPathComponent("\(folder)/assets")) {
                assets["assets/\(file)"] = "\(folder)/assets/\(file)"
            }
        }

        var library = MustacheLibrary()
        for key in texts.keys.sorted() {
            let (text, path) = texts[key]!
            do {
                library.register(try MustacheTemplate(string: text), named: key)
            } catch let error as MustacheTemplate.ParserError {
                diagnostics.append(.error(
                    .templateSyntax(String(describing: error.error)),
                    at: SourceLocation(path: path, line: error.context.lineNumber, column: error.context.columnNumber)))
            } catch {
                diagnostics.append(.error(.templateSyntax(String(describing: error)), at: SourceLocation(path: path)))
            }
        }
        // swift-mustache renders a missing partial as nothing; refuse it here instead.
        for key in texts.keys.sorted() {
            let (text, path) = texts[key]!
            for reference in partialReferences(in: text) where texts[reference.name] == nil {
                diagnostics.append(.error(
                    .missingPartial(reference.name),
                    at: SourceLocation(path: path, line: reference.line, column: reference.column)))
            }
        }
        let layouts = texts.keys.filter { $0.hasPrefix("layout/") }.map { String($0.dropFirst(7)) }.sorted()
        var hashes: [String: UInt64] = [:]
        var readingData: Set<String> = []
        for layout in layouts {
            let used = reachableTemplates(from: "layout/" + layout, texts: texts.mapValues(\.text))
            var hash = StableHash()
            for name in used.sorted() {
                hash.combine(name)
                hash.combine(texts[name]!.text)
                if texts[name]!.text.contains("data.") { readingData.insert(layout) }
            }
            hashes[layout] = hash.value
        }
        let theme = Theme(library: library, layouts: layouts, assets: assets, layoutHashes: hashes, layoutsReadingData: readingData)
        return (theme, diagnostics)
    }

    /// The template `start` and every partial it reaches, directly or through other partials.
    static func reachableTemplates(from start: String, texts: [String: String]) -> Set<String> {
        var seen: Set<String> = [start]
        var queue = [start]
        while let name = queue.popLast() {
            for reference in partialReferences(in: texts[name] ?? "") where texts[reference.name] != nil && !seen.contains(reference.name) {
                seen.insert(reference.name)
                queue.append(reference.name)
            }
        }
        return seen
    }

    /// `{{> name}}` tags in a template, with their positions (UTF-8 byte columns).
    static func partialReferences(in text: String) -> [(name: String, line: Int, column: Int)] {
        var references: [(String, Int, Int)] = []
        let bytes = Array(text.utf8)
        var line = 1, lineStart = 0, index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "\n") {
                line += 1
                lineStart = index + 1
            } else if bytes[index] == UInt8(ascii: "{"), index + 2 < bytes.count,
                      bytes[index + 1] == UInt8(ascii: "{"), bytes[index + 2] == UInt8(ascii: ">") {
                var end = index + 3
                while end + 1 < bytes.count, !(bytes[end] == UInt8(ascii: "}") && bytes[end + 1] == UInt8(ascii: "}")) { end += 1 }
                let name = String(decoding: bytes[(index + 3)..<end], as: UTF8.self).trimmingCharacters(in: .whitespaces)
                references.append((name, line, index - lineStart + 1))
                index = end
                continue
            }
            index += 1
        }
        return references
    }
}
