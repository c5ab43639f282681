import Foundation

/// The layouts, partials and assets of a theme, with the site's own overrides applied.
///
/// Files come from `site-templates/<theme>/` (or, when the site has no such folder, from
/// the theme the binary carries: `EmbeddedTheme`) and, taking precedence, from
/// `content/templates/`: `layouts/NAME.mustache`, `partials/NAME.mustache`, `assets/**`.
struct Theme: Sendable {
    let library: TemplateLibrary
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
    /// Layouts whose templates name `sections` or `latestUpdates`, the values that list
    /// every page of the site (`PageContext.perDepthValues`): the others are rendered
    /// without making them (at N = 10,000, 272 M instructions of a one-page edit).
    let layoutsReadingSiteLists: Set<String>

    static let overridesFolder = "content/templates"

    static func load(root: URL, name: String) -> (Theme?, [Diagnostic]) {
        let themeFolder = "site-templates/\(name)"
        let onDisk = FileManager.default.fileExists(atPath: root.appendingPathComponent(themeFolder + "/layouts").path)
        guard onDisk || EmbeddedTheme.carries(name) else {
            return (nil, [.error(.missingTemplateFolder(name), at: SourceLocation(path: SiteConfig.path))])
        }
        var diagnostics: [Diagnostic] = []
        // Later folders override earlier ones.
        let folders = [themeFolder, overridesFolder]
        var texts: [String: (text: String, path: String)] = [:]
        var assets: [String: String] = [:]
        for folder in folders {
            if folder == themeFolder && !onDisk {
                addEmbedded(texts: &texts, assets: &assets)
                continue
            }
            for kind in ["layouts", "partials"] {
                let base = "\(folder)/\(kind)"
                let listing = SourceListing(folder: root.appendingPathComponent(base), extensions: ["mustache"])
                diagnostics += listing.diagnostics(folder: base)
                for file in listing.paths {
                    let name = String(file.dropLast(".mustache".count))
                    let key = kind == "layouts" ? "layout/\(name)" : name
                    let path = "\(base)/\(file)"
                    switch SourceFile.readText(root.appendingPathComponent(path), path: path) {
                    case .success(let text): texts[key] = (text, path)
                    case .failure(let diagnostic): diagnostics.append(diagnostic)
                    }
                }
            }
            let assetListing = SourceListing(folder: root.appendingPathComponent("\(folder)/assets"))
            diagnostics += assetListing.diagnostics(folder: "\(folder)/assets")
            for file in assetListing.paths {
                assets["assets/\(file)"] = "\(folder)/assets/\(file)"
            }
        }

        var templates: [String: Template] = [:]
        for key in texts.keys.sorted() {
            let (text, path) = texts[key]!
            do {
                let template = try Template(parsing: text)
                templates[key] = template
                diagnostics += TemplateLint.check(template, path: path)
            } catch {
                diagnostics.append(.error(.templateSyntax(error.message), at: SourceLocation(path: path, line: error.line, column: error.column)))
            }
        }
        // A missing partial would render as nothing; refuse it instead.
        for key in templates.keys.sorted() {
            for reference in templates[key]!.partialReferences where texts[reference.name] == nil {
                let climbs = TemplateLint.climbsOutOfTheme(reference.name)
                diagnostics.append(
                    .error(
                        climbs ? .partialOutsideTheme(reference.name) : .missingPartial(reference.name),
                        at: SourceLocation(path: texts[key]!.path, line: reference.line, column: reference.column)))
            }
        }
        let layouts = texts.keys.filter { $0.hasPrefix("layout/") }.map { String($0.dropFirst(7)) }.sorted()
        let facts = layoutFacts(layouts, templates: templates, texts: texts.mapValues(\.text))
        let theme = Theme(
            library: TemplateLibrary(templates: templates), layouts: layouts, assets: assets, layoutHashes: facts.hashes,
            layoutsReadingData: facts.readingData, layoutsReadingSiteLists: facts.readingLists)
        return (theme, diagnostics)
    }

    /// For each layout, the hash of the texts it reaches (`layoutHashes`), and which
    /// layouts read `data.` and the site-wide lists.
    private static func layoutFacts(
        _ layouts: [String], templates: [String: Template], texts: [String: String]
    ) -> (hashes: [String: UInt64], readingData: Set<String>, readingLists: Set<String>) {
        var hashes: [String: UInt64] = [:]
        var readingData: Set<String> = []
        var readingLists: Set<String> = []
        // Each text searched once, not once per layout that reaches it.
        let readsData = texts.mapValues { $0.utf8.containsBytes("data.") }
        let readsLists = texts.mapValues { $0.utf8.containsBytes("sections") || $0.utf8.containsBytes("latestUpdates") }
        for layout in layouts {
            var hash = StableHash()
            for name in reachableTemplates(from: "layout/" + layout, templates: templates).sorted() {
                hash.combine(name)
                hash.combine(texts[name]!)
                if readsData[name]! { readingData.insert(layout) }
                if readsLists[name]! { readingLists.insert(layout) }
            }
            hashes[layout] = hash.value
        }
        return (hashes, readingData, readingLists)
    }

    /// The embedded theme's templates and assets, named under `EmbeddedTheme.sourceFolder`.
    private static func addEmbedded(texts: inout [String: (text: String, path: String)], assets: inout [String: String]) {
        let folder = EmbeddedTheme.sourceFolder
        for kind in ["layouts", "partials"] {
            for (file, text) in EmbeddedTheme.files(in: kind) where file.hasSuffix(".mustache") {
                let name = String(file.dropLast(".mustache".count))
                texts[kind == "layouts" ? "layout/\(name)" : name] = (text, "\(folder)/\(kind)/\(file)")
            }
        }
        for (file, _) in EmbeddedTheme.files(in: "assets") { assets["assets/\(file)"] = "\(folder)/assets/\(file)" }
    }

    /// The template `start` and every partial it reaches, directly or through other partials.
    static func reachableTemplates(from start: String, templates: [String: Template]) -> Set<String> {
        var seen: Set<String> = [start]
        var queue = [start]
        while let name = queue.popLast() {
            if templates[name]?.hasDynamicPartials == true { return Set(templates.keys) }
            for reference in templates[name]?.partialReferences ?? [] where templates[reference.name] != nil && !seen.contains(reference.name) {
                seen.insert(reference.name)
                queue.append(reference.name)
            }
        }
        return seen
    }
}

extension String.UTF8View {
    /// Whether `needle` occurs in these bytes (Foundation's `contains` goes through
    /// `NSString`: loading the default theme searched its texts for 34 M instructions).
    fileprivate func containsBytes(_ needle: String) -> Bool {
        let pattern = Array(needle.utf8)
        guard let first = pattern.first else { return true }
        return withContiguousStorageIfAvailable { bytes in
            var index = 0
            while index + pattern.count <= bytes.count {
                if bytes[index] == first, bytes[index..<(index + pattern.count)].elementsEqual(pattern) { return true }
                index += 1
            }
            return false
        } ?? String(self).contains(needle)
    }
}
