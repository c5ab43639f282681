import Foundation
import Yams

/// The repository's own site (`content/`), read directly from disk so its
/// facts can be checked without the build pipeline.
enum BundledSite {
    static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()
        .deletingLastPathComponent()
        .deletingLastPathComponent()
        .deletingLastPathComponent()
        .appendingPathComponent("content")

    static let pages = root.appendingPathComponent("pages")

    /// Paths of every Markdown page relative to `content/pages/`, sorted.
    static func pagePaths() -> [String] {
        let enumerator = FileManager.default.enumerator(atPath: pages.path)
        var paths: [String] = []
        while let path = enumerator?.nextObject() as? String {
            if path.hasSuffix(".md") { paths.append(path) }
        }
        return paths.sorted()
    }

    /// A page's text.
    static func text(_ path: String) throws -> String {
        try String(contentsOf: pages.appendingPathComponent(path), encoding: .utf8)
    }

    /// A page split into its YAML front matter (decoded) and its Markdown body.
    static func page(_ path: String) throws -> (frontMatter: [String: Any], body: String) {
        let text = try text(path)
        guard text.hasPrefix("---\n"), let end = text.range(of: "\n---\n", range: text.index(text.startIndex, offsetBy: 4)..<text.endIndex) else {
            return ([:], text)
        }
        let yaml = String(text[text.index(text.startIndex, offsetBy: 4)..<end.lowerBound])
        let decoded = try Yams.load(yaml: yaml) as? [String: Any] ?? [:]
        return (decoded, String(text[end.upperBound...]))
    }

    /// A top-level front-matter field as written (YAML would turn a date into a
    /// `Date` at midnight UTC, hiding whether the author wrote a day or a month).
    static func rawField(_ name: String, of path: String) throws -> String? {
        for line in try text(path).split(separator: "\n").dropFirst() {
            if line == "---" { break }
            if line.hasPrefix(name + ": ") { return String(line.dropFirst(name.count + 2)) }
        }
        return nil
    }

    /// `content/site.yaml`, decoded.
    static func configuration() throws -> [String: Any] {
        let text = try String(contentsOf: root.appendingPathComponent("site.yaml"), encoding: .utf8)
        return try Yams.load(yaml: text) as? [String: Any] ?? [:]
    }

    /// Every file under `content/` as text, by path relative to `content/`.
    static func allTexts() throws -> [(path: String, text: String)] {
        let enumerator = FileManager.default.enumerator(atPath: root.path)
        var files: [(String, String)] = []
        while let path = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            let url = root.appendingPathComponent(path)
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue,
                let text = try? String(contentsOf: url, encoding: .utf8)
            else { continue }
            files.append((path, text))
        }
        return files.sorted { $0.0 < $1.0 }
    }

    /// Targets of Markdown inline links `](target)` that are relative paths to `.md` files.
    static func markdownLinks(in body: String) -> [String] {
        body.components(separatedBy: "](").dropFirst().compactMap { rest in
            guard let close = rest.firstIndex(of: ")") else { return nil }
            let target = String(rest[..<close])
            let path = target.split(separator: "#", maxSplits: 1).first.map(String.init) ?? target
            return path.hasSuffix(".md") && !path.contains("://") ? path : nil
        }
    }
}
