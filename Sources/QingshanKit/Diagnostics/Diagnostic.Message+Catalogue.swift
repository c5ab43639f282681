/// The messages of the core pipeline: configuration, pages, Markdown, templates, output.
/// Other areas keep their own catalogue file beside their code.
extension Diagnostic.Message {
    // MARK: YAML

    static func wrongType(key: String, expected: String, found: String) -> Self {
        .init(id: "wrong-type", text: "'\(key)' must be \(expected), not \(found)")
    }
    static func unknownKey(_ key: String, known: [String]) -> Self {
        .init(id: "unknown-key", text: "unknown key '\(key)' (known: \(known.joined(separator: ", ")))")
    }
    static func missingKey(_ key: String) -> Self {
        .init(id: "missing-key", text: "missing required key '\(key)'")
    }
    static func invalidValue(key: String, value: String, expected: String) -> Self {
        .init(id: "invalid-value", text: "'\(key)' is '\(value)'; expected \(expected)")
    }

    // MARK: Site

    static let missingSiteConfig = Self(id: "missing-site-config", text: "no content/site.yaml: is --root the folder that holds content/ and site-templates/?")

    /// A navigation entry's `path:` is no output of the build.
    static func unknownNavigationOutput(_ path: String) -> Self {
        .init(
            id: "unknown-navigation-output",
            text: "navigation points at '\(path)', which the build does not write (generated pages: changes/index.html, data/index.html)",
            zh: "导航指向的“\(path)”不是构建生成的页面（可用：changes/index.html、data/index.html）")
    }

    static func unknownNavigationTarget(_ target: String) -> Self {
        .init(id: "unknown-navigation-target", text: "navigation points at '\(target)', which is not a page under content/pages")
    }

    // MARK: Files

    static func unreadableFile(_ reason: String) -> Self {
        .init(id: "unreadable-file", text: "cannot read file: \(reason)")
    }
    static let invalidUTF8 = Self(id: "invalid-utf8", text: "invalid UTF-8 byte sequence; save the file as UTF-8")
    static let nulByte = Self(id: "nul-byte", text: "NUL byte in a text file")

    // MARK: Pages

    static let frontMatterNotClosed = Self(id: "front-matter-not-closed", text: "front matter is not closed")
    static let frontMatterNotMapping = Self(id: "front-matter-not-mapping", text: "front matter must be a YAML mapping of fields (title: …)")
    static func invalidDate(key: String, value: String) -> Self {
        .init(id: "invalid-date", text: "'\(key)' is '\(value)'; expected a date as YYYY-MM-DD (e.g. 2021-03-05), or YYYY-MM when only the month is known")
    }
    static func invalidSlug(_ slug: String) -> Self {
        .init(id: "invalid-slug", text: "slug '\(slug)' must be one path segment of letters, digits, '-' or '_' (no '/', '..' or spaces)")
    }
    static func outputCollision(_ output: String, other: String) -> Self {
        .init(id: "output-collision", text: "this page would be written to '\(output)', as would \(other)")
    }
    static func sectionWithoutIndex(_ folder: String) -> Self {
        .init(id: "section-without-index", text: "folder '\(folder)' has pages but no index.md; it gets no section page")
    }

    // MARK: Datasets

    static func datasetEncoding(_ encoding: String) -> Self {
        .init(id: "data-encoding", text: "read as \(encoding)")
    }

    // MARK: Collections

    static func unknownCollectionDataset(_ name: String) -> Self {
        .init(id: "unknown-collection-dataset", text: "collection reads dataset '\(name)', which is not in content/data")
    }
    static func unknownCollectionField(_ name: String, dataset: String) -> Self {
        .init(id: "unknown-collection-field", text: "'{\(name)}' is not a field of dataset '\(dataset)'")
    }
    static func invalidCollectionPath(_ value: String, field: String) -> Self {
        .init(id: "invalid-collection-path", text: "value '\(value)' of '\(field)' cannot be part of a path (empty, '/', '..' or a leading '.')")
    }
    static func collectionPathCollision(_ output: String, other: String) -> Self {
        .init(id: "collection-path-collision", text: "this row maps to '\(output)', as does \(other)")
    }

    // MARK: Links

    static func brokenPageLink(_ target: String) -> Self {
        .init(id: "broken-link", text: "link to '\(target)', which is not a page under content/pages")
    }
    static func brokenSiteLink(_ target: String) -> Self {
        .init(id: "broken-link", text: "link to '\(target)', which is neither a page nor a static file of the site")
    }

    // MARK: Templates

    static func missingTemplateFolder(_ theme: String) -> Self {
        .init(id: "missing-theme", text: "theme '\(theme)' not found: no folder site-templates/\(theme)/layouts")
    }
    static func templateSyntax(_ problem: String) -> Self {
        .init(id: "template-syntax", text: "template syntax error: \(problem)")
    }
    static func unknownLayout(_ layout: String, known: [String]) -> Self {
        .init(id: "unknown-layout", text: "no layout '\(layout)' in the theme (layouts: \(known.joined(separator: ", ")))")
    }
    static func missingPartial(_ name: String) -> Self {
        .init(id: "missing-partial", text: "partial '\(name)' not found in partials/")
    }
    static func partialTooDeep(layout: String, limit: Int) -> Self {
        .init(id: "partial-too-deep", text: "layout '\(layout)' nests partials more than \(limit) deep (a partial that includes itself with no section to stop it?)")
    }

    // MARK: Output

    static let symlinkLeavesSite = Self(id: "symlink-leaves-site", text: "symbolic link to a file outside the site root; copy the file into the site instead")
    static func outputsCollide(_ path: String, other: String) -> Self {
        .init(id: "output-case-collision", text: "output '\(path)' differs from '\(other)' only by letter case or Unicode normalisation; they would overwrite each other on Windows and macOS")
    }
    static func reservedOutputName(_ path: String, reason: String) -> Self {
        .init(id: "reserved-output-name", text: "output path '\(path)' \(reason), which Windows cannot store (the site must open from any USB stick)")
    }
    static func outputInsideSource(_ output: String) -> Self {
        .init(id: "output-inside-source", text: "output folder '\(output)' would overlap the site's sources; choose a folder outside content/ and site-templates/")
    }
    static let buildInProgress = Self(id: "build-in-progress", text: "another qingshan build is writing this site's output right now; run again when it has finished")
    static func outputWriteFailed(_ reason: String) -> Self {
        .init(id: "output-write-failed", text: "cannot write output: \(reason)")
    }
}
