import Foundation

extension SiteBuilder {
    /// Personal data is refused at its source, unless `site.yaml` allows it with a
    /// reason. Pages were scanned when their text was first read (`ParsedPage.personalData`);
    /// datasets are scanned when their bytes change. The policy applies on every build.
    /// Returns the datasets' findings, for the cache.
    func checkPersonalData(_ site: LoadedSite, cache: BuildCache?, diagnostics: inout Diagnostics) -> [String: BuildCache.DatasetFindings] {
        let content = site.content
        let policy = content.config.personalData
        for page in content.pages {
            let findings =
                content.parsedPages[page.sourcePath]?.personalData
                ?? PersonalDataScanner.scan(page.body, path: page.sourcePath, lineOffset: page.bodyLineOffset)
            diagnostics.append(contentsOf: policy.diagnostics(for: findings, inFile: page.sourcePath))
        }
        var datasetFindings: [String: BuildCache.DatasetFindings] = [:]
        for name in site.datasets.keys.sorted() {
            let dataset = site.datasets[name]!
            let findings: [(column: String, finding: PersonalDataFinding)]
            if dataset.sourceHash != 0, let known = cache?.datasetFindings[name], known.sourceHash == dataset.sourceHash {
                findings = known.findings
            } else {
                findings = PersonalDataPolicy.findings(in: dataset)
            }
            datasetFindings[name] = BuildCache.DatasetFindings(sourceHash: dataset.sourceHash, findings: findings)
            diagnostics.append(contentsOf: policy.diagnostics(for: findings, in: dataset))
        }
        return datasetFindings
    }

    /// The government footer fields of `site.yaml`.
    func checkFooter(_ config: SiteConfig) -> [Diagnostic] {
        var footer: [GovernmentFooterValidator.Field: GovernmentFooterValidator.Value] = [:]
        for field in GovernmentFooterValidator.Field.allCases {
            if let text = config.footer[field.rawValue] {
                footer[field] = GovernmentFooterValidator.Value(text, at: config.footerLocations[field.rawValue])
            }
        }
        return GovernmentFooterValidator.validate(footer)
    }

    /// Problems visible before rendering: output collisions, navigation, layouts.
    func validate(model: SiteModel, theme: Theme, otherSources: [String: String]) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var owners: [String: String] = otherSources
        for page in model.pages {
            if let other = owners[page.outputPath] {
                diagnostics.append(.error(.outputCollision(page.outputPath, other: other), at: SourceLocation(path: page.sourcePath, line: 1, column: 1)))
            } else {
                owners[page.outputPath] = page.sourcePath
            }
            if !theme.layouts.contains(page.layoutName) {
                // At the `layout:` value, as the front-matter parser found it.
                let position = page.frontMatter.layoutPosition ?? (1, 1)
                let location = SourceLocation(path: page.sourcePath, line: position.line, column: position.column)
                diagnostics.append(.error(.unknownLayout(page.layoutName, known: theme.layouts), at: location))
            }
        }
        for folder in Set(model.pages.map(\.folder)) where !folder.isEmpty && model.sectionIndexByFolder[folder] == nil {
            diagnostics.append(.warning(.sectionWithoutIndex("content/pages/" + folder), at: SourceLocation(path: "content/pages/" + folder)))
        }
        for item in model.config.navigation {
            if case .page(let path) = item.target, model.pageIndexByPath[path] == nil {
                diagnostics.append(.error(.unknownNavigationTarget(path), at: item.location))
            }
        }
        return diagnostics
    }

    /// Every output path checked against the rules (reserved names, case clashes, …).
    func checkOutputPaths(model: SiteModel, records: [CollectionPages.Entry], otherSources: [String: String]) -> [Diagnostic] {
        var outputs = otherSources.mapValues { SourceLocation(path: $0) }
        for page in model.pages where outputs[page.outputPath] == nil {
            outputs[page.outputPath] = SourceLocation(path: page.sourcePath, line: 1, column: 1)
        }
        for record in records where outputs[record.page.outputPath] == nil {
            outputs[record.page.outputPath] = SourceLocation(path: record.page.sourcePath)
        }
        return OutputPathRules.check(outputs: outputs)
    }

    /// Symbolic links in the sources that lead out of the site root.
    func checkSymlinks() -> [Diagnostic] {
        ["content", "site-templates"].flatMap { folder in
            SourceFile.linksLeavingRoot(in: root.appendingPathComponent(folder), root: root).map { path in
                Diagnostic.error(.symlinkLeavesSite, at: SourceLocation(path: "\(folder)/\(path)"))
            }
        }
    }
}
