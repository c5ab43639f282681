public import Foundation

/// What `OutputChecker` looks at. Everything is on by default.
public struct OutputCheckOptions: Sendable, Hashable {
    /// Every relative link, asset and `#anchor` resolves to a file and an id in the output.
    public var links: Bool
    /// The offline audit: no absolute local paths, no resources from other hosts, no module
    /// scripts, no links to folders. Its findings are errors.
    public var offline: Bool
    /// Static accessibility checks: `lang`, titles, `alt`, table headers, headings, link text.
    public var accessibility: Bool
    /// Scan text files for mobile, ID and card numbers.
    public var personalData: Bool
    /// Output paths allowed to carry personal data: the pages built from files or datasets
    /// that `PersonalDataPolicy` allows.
    public var personalDataAllowedPaths: Set<String>

    public init(
        links: Bool = true, offline: Bool = true, accessibility: Bool = true, personalData: Bool = true,
        personalDataAllowedPaths: Set<String> = []
    ) {
        self.links = links
        self.offline = offline
        self.accessibility = accessibility
        self.personalData = personalData
        self.personalDataAllowedPaths = personalDataAllowedPaths
    }
}

/// Checks a built site held in memory, before anything is written: links and anchors,
/// the offline audit, accessibility and personal data.
///
/// Each file is read once. Locations are `path:line:column` with the path relative to the
/// output folder and the column in UTF-8 bytes; a link finding points at the first byte of
/// the URL, an element finding at its `<`.
public enum OutputChecker {
    /// Extensions of the files that are read as text for personal data.
    private static let textExtensions: Set<String> = ["html", "htm", "css", "js", "json", "xml", "txt", "svg", "csv", "md"]

    /// The diagnostics for the site `files` (output-relative path, with `/`, → bytes),
    /// sorted by path and position.
    public static func check(files: [String: [UInt8]], options: OutputCheckOptions = OutputCheckOptions()) -> [Diagnostic] {
        check(paths: files.keys.sorted(), bytes: { files[$0]! }, options: options)
    }

    /// The same for files held as `Data` (a build's output): each file is copied into
    /// bytes only while it is analysed, so the site is not held twice.
    public static func check(files: [String: Data], options: OutputCheckOptions = OutputCheckOptions()) -> [Diagnostic] {
        check(paths: files.keys.sorted(), bytes: { [UInt8](files[$0]!) }, options: options)
    }

    /// The same for a first build whose pages were analysed as they were rendered
    /// (`analysed`, see `analyze(path:bytes:options:)` and `compactAnalysis`) and written
    /// to disk: `files` holds the other files, `readBack` gives an analysed file's bytes
    /// again, and `targets` the link targets of the compact analyses.
    public static func check(
        files: [String: Data], analysed: [String: FileAnalysis], readBack: @Sendable (String) -> Data?, targets: LinkTargets,
        options: OutputCheckOptions = OutputCheckOptions()
    ) -> [Diagnostic] {
        let paths = Set(files.keys).union(analysed.keys).sorted()
        return check(
            paths: paths, analysed: analysed, bytes: { path in files[path].map { [UInt8]($0) } ?? readBack(path).map { [UInt8]($0) } ?? [] },
            options: options, compactTargets: targets.all)
    }

    /// What the audit needs of one file before every file's ids are known: its links,
    /// ids and own findings (HTML, CSS), and what the personal-data scan found.
    public struct FileAnalysis: Sendable {
        var report: PageReport?
        var personal: [Diagnostic]
        /// Reduced by `compactAnalysis`: no references or anchors are left.
        var isCompact = false
    }

    /// One file analysed on its own (any thread).
    public static func analyze(path: String, bytes: [UInt8], options: OutputCheckOptions) -> FileAnalysis {
        var report: PageReport?
        switch fileExtension(path) {
        case "html", "htm": report = PageAnalyzer.analyze(html: bytes, options: options)
        case "css": report = PageAnalyzer.analyze(css: bytes)
        default: break
        }
        var personal: [Diagnostic] = []
        if options.personalData, textExtensions.contains(fileExtension(path)), !options.personalDataAllowedPaths.contains(path) {
            personal = PersonalDataScanner.scan(bytes: bytes, path: path).map(\.diagnostic)
        }
        return FileAnalysis(report: report, personal: personal)
    }

    private static func check(
        paths: [String], analysed: [String: FileAnalysis] = [:], bytes: @Sendable (String) -> [UInt8], options: OutputCheckOptions,
        compactTargets: Set<String> = []
    ) -> [Diagnostic] {
        // Each file is analysed on its own, on all cores; links are resolved afterwards,
        // when every file's ids are known.
        let analyses = ResultSlots<FileAnalysis>(count: paths.count)
        DispatchQueue.concurrentPerform(iterations: paths.count) { index in
            analyses[index] = analysed[paths[index]] ?? analyze(path: paths[index], bytes: bytes(paths[index]), options: options)
        }
        var diagnostics: [Diagnostic] = []
        var collected: [String: PageReport] = [:]
        for (index, analysis) in analyses.values.enumerated() {
            if let report = analysis.report { collected[paths[index]] = report }
            diagnostics += analysis.personal
        }
        let reports = collected
        let existing = Set(paths)
        let folders = Set(
            paths.flatMap { path in
                path.indices.filter { path[$0] == "/" }.map { String(path[..<$0]) }
            })
        // A compact analysis kept no positions: when one of its links names a folder (an
        // offline finding, and rare), its pages are analysed again in full to place it.
        if options.offline, compactTargets.contains(where: { !existing.contains($0) && folders.contains($0) }) {
            return check(paths: paths, analysed: analysed.filter { !$0.value.isCompact }, bytes: bytes, options: options)
        }
        // Links are resolved on all cores, in runs of neighbouring paths (sorted, so mostly
        // one folder each). Navigation repeats on every page: a URL resolves the same way
        // from every file in a folder, so each run resolves each (folder, URL) pair once.
        // Same-page URLs (`#x`) are not cached. A cache only saves work, so the findings
        // do not depend on how paths are split into runs.
        let linkFindings = ResultSlots<[PageReport.Finding]>(count: paths.count)
        let runLength = max(64, paths.count / 32)
        let runs = (paths.count + runLength - 1) / runLength
        DispatchQueue.concurrentPerform(iterations: runs) { run in
            var resolved: [String: Diagnostic.Message?] = [:]
            for index in (run * runLength)..<min(paths.count, (run + 1) * runLength) {
                let path = paths[index]
                var findings: [PageReport.Finding] = []
                let folder = path.lastIndex(of: "/").map { String(path[..<$0]) } ?? ""
                for reference in reports[path]?.references ?? [] {
                    let first = reference.url.utf8.first
                    let samePage = first == nil || first == UInt8(ascii: "#") || first == UInt8(ascii: "?")
                    let key = folder + (reference.isResource ? "\u{0}r" : "\u{0}n") + reference.url
                    let message: Diagnostic.Message?
                    if !samePage, let cached = resolved[key] {
                        message = cached
                    } else {
                        message = resolve(reference, from: path, files: existing, folders: folders, reports: reports, options: options)
                        if !samePage { resolved[key] = message }
                    }
                    if let message { findings.append(.init(severity: .error, message: message, offset: reference.offset)) }
                }
                linkFindings[index] = findings
            }
        }
        let links = linkFindings.values
        var titles: [String: String] = [:]
        for (index, path) in paths.enumerated() {
            guard let report = reports[path] else { continue }
            var findings = report.findings + links[index]
            if options.accessibility, let title = report.title, !title.text.isEmpty {
                if let first = titles[title.text] {
                    findings.append(.init(severity: .warning, message: .duplicateTitle(title.text, firstUsedBy: first), offset: title.offset))
                } else {
                    titles[title.text] = path
                }
            }
            guard !findings.isEmpty else { continue }
            let lines = LineIndex(bytes(path))
            for finding in findings {
                let (line, column) = lines.position(of: finding.offset)
                let location = SourceLocation(path: path, line: line, column: column)
                diagnostics.append(Diagnostic(finding.severity, finding.message, at: location))
            }
        }
        return Diagnostics(diagnostics).sorted
    }

    /// The error for one URL in the file at `path`, if any.
    static func resolve(
        _ reference: PageReport.Reference, from path: String, files: Set<String>, folders: Set<String>,
        reports: [String: PageReport], options: OutputCheckOptions
    ) -> Diagnostic.Message? {
        let url = reference.url.trimmingASCIISpaces()
        switch LinkTarget(url) {
        case .other:
            return nil
        case .external:
            return options.offline && reference.isResource ? .externalResource(url) : nil
        case .absoluteLocal:
            return options.offline ? .absoluteLocalPath(url) : nil
        case .relative(let relative, let fragment):
            guard let (target, namesFolder) = LinkTarget.resolve(relative, from: path) else {
                return options.links ? .linkLeavesSite(url) : nil
            }
            // `goals/`, `.`, `..`, or `goals` when `goals` is a folder: from file:// the
            // browser lists the folder instead of opening its page.
            let isFolder = namesFolder || target.isEmpty || (!files.contains(target) && folders.contains(target))
            if isFolder {
                if options.offline { return .folderLink(url) }
                let index = target.isEmpty ? "index.html" : target + "/index.html"
                return options.links && !files.contains(index) ? .deadLink(url) : nil
            }
            guard options.links else { return nil }
            guard files.contains(target) else { return .deadLink(url) }
            // Fragments of resources (`icons.svg#leaf`) name SVG symbols, not page anchors.
            guard !reference.isResource, let fragment, let page = reports[target], fileExtension(target).hasPrefix("htm") else {
                return nil
            }
            let anchor = LinkTarget.percentDecoded(fragment)
            // An empty fragment and `#top` scroll to the top of any page (HTML § 7.4.6.4).
            if anchor.isEmpty || anchor.lowercased() == "top" || page.anchors.contains(anchor) { return nil }
            return .deadAnchor(anchor, in: target)
        }
    }

    private static func fileExtension(_ path: String) -> String {
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return "" }
        return path[path.index(after: dot)...].lowercased()
    }
}

/// Line starts of one file, for turning byte offsets into 1-based lines and UTF-8 columns.
/// Built only for files that have findings.
struct LineIndex {
    private var starts: [Int] = [0]

    init(_ bytes: [UInt8]) {
        for (offset, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") { starts.append(offset + 1) }
    }

    func position(of offset: Int) -> (line: Int, column: Int) {
        // The last line start at or before `offset`, by binary search.
        var low = 0
        var high = starts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if starts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        return (low + 1, offset - starts[low] + 1)
    }
}
