import Foundation

/// What one pass over an output file found: its anchors, its title, the URLs it refers to
/// (resolved later, once every page's anchors are known) and the problems that need no
/// other file. Positions are byte offsets, turned into lines only for files with findings.
struct PageReport {
    struct Reference {
        var url: String
        var offset: Int
        /// Loaded by the browser (script, style, image, frame, font), not followed by a person.
        var isResource: Bool
    }

    struct Finding {
        var severity: Diagnostic.Severity
        var message: Diagnostic.Message
        var offset: Int
    }

    /// Every `id`, and every `name` of an `<a>`: the fragments that resolve in this page.
    var anchors: Set<String> = []
    /// The text and offset of the page's first `<title>` (outside inline SVG).
    var title: (text: String, offset: Int)?
    var references: [Reference] = []
    var findings: [Finding] = []
}

/// Reads one HTML page with `HTMLScanner`, in a single pass.
struct PageAnalyzer {
    /// `rel` values whose `<link>` makes the browser fetch something.
    private static let resourceRels: Set<String> = [
        "stylesheet", "icon", "shortcut", "preload", "modulepreload", "prefetch", "prerender", "manifest",
        "apple-touch-icon", "apple-touch-icon-precomposed", "mask-icon", "dns-prefetch", "preconnect",
    ]
    /// Elements whose `src` the browser loads.
    private static let sourceElements: Set<String> = [
        "script", "img", "iframe", "frame", "source", "video", "audio", "track", "embed", "input",
    ]

    let bytes: [UInt8]
    let options: OutputCheckOptions
    private(set) var report = PageReport()

    // Accessibility state while walking the page.
    private var svgDepth = 0
    private var sawHTML = false
    private var titleCount = 0
    private var titleText: String?
    private var secondTitleOffset = 0
    private var h1Count = 0
    private var previousHeading = 0
    /// Open tables: whether each has a `<th>` so far, and where it starts.
    private var tables: [(hasHeader: Bool, offset: Int)] = []
    /// The open `<a href>`: where it starts, whether it is labelled, its text so far.
    private var link: (offset: Int, labelled: Bool, text: String)?

    init(bytes: [UInt8], options: OutputCheckOptions) {
        self.bytes = bytes
        self.options = options
    }

    /// The report for an HTML page.
    static func analyze(html bytes: [UInt8], options: OutputCheckOptions) -> PageReport {
        var analyzer = PageAnalyzer(bytes: bytes, options: options)
        analyzer.run()
        return analyzer.report
    }

    /// The report for a style sheet: only its `url(…)` references.
    static func analyze(css bytes: [UInt8]) -> PageReport {
        var report = PageReport()
        for (url, offset) in CSSURLs.find(in: bytes[...]) {
            report.references.append(.init(url: url, offset: offset, isResource: true))
        }
        return report
    }

    private mutating func run() {
        var scanner = HTMLScanner(bytes: bytes)
        while let token = scanner.next() {
            switch token {
            case .tag(let tag) where tag.isEnd: close(tag)
            case .tag(let tag): open(tag)
            case .text(let range):
                if titleText != nil || link != nil {
                    let text = HTMLEntities.decode(bytes[range])
                    titleText?.append(text)
                    link?.text.append(text)
                }
            case .rawText(let range):
                // Only `<style>` contents hold URLs worth checking; scripts are left alone.
                if options.offline || options.links {
                    addCSSReferences(bytes[range])
                }
            }
        }
        finish()
    }

    private mutating func open(_ tag: HTMLScanner.Tag) {
        if let id = tag.value("id"), !id.isEmpty, !report.anchors.insert(id).inserted, options.links {
            report.findings.append(.init(severity: .warning, message: .duplicateID(id), offset: tag.attribute("id")!.valueOffset))
        }
        if let style = tag.attribute("style"), let value = style.value, options.offline || options.links {
            for (url, offset) in CSSURLs.find(in: Array(value.utf8)[...]) {
                report.references.append(.init(url: url, offset: style.valueOffset + offset, isResource: true))
            }
        }
        collectReferences(tag)
        guard options.accessibility else { return }
        checkAccessibility(opening: tag)
    }

    private mutating func collectReferences(_ tag: HTMLScanner.Tag) {
        func add(_ name: String, resource: Bool) {
            guard let attribute = tag.attribute(name), let value = attribute.value else { return }
            report.references.append(.init(url: value, offset: attribute.valueOffset, isResource: resource))
        }
        switch tag.name {
        case "a", "area":
            if let name = tag.value("name"), !name.isEmpty, tag.name == "a" { report.anchors.insert(name) }
            add("href", resource: false)
        case "link":
            let rels = (tag.value("rel") ?? "").lowercased().split(whereSeparator: \.isWhitespace)
            add("href", resource: rels.contains { Self.resourceRels.contains(String($0)) })
        case "form":
            add("action", resource: false)
        case "object":
            add("data", resource: true)
        case "video":
            add("poster", resource: true)
            add("src", resource: true)
        case "script":
            add("src", resource: true)
            if options.offline, tag.value("type")?.trimmingASCIISpaces().lowercased() == "module" {
                report.findings.append(.init(severity: .error, message: .moduleScript, offset: tag.offset))
            }
        case let name where Self.sourceElements.contains(name):
            add("src", resource: true)
            if let srcset = tag.attribute("srcset"), let value = srcset.value {
                // `a.png 1x, b.png 2x`: the URL is the first word of each candidate.
                var offset = srcset.valueOffset
                for candidate in value.split(separator: ",", omittingEmptySubsequences: false) {
                    let leading = candidate.utf8.prefix { $0 == 0x20 || $0 == 0x0A || $0 == 0x09 }.count
                    if let url = candidate.split(whereSeparator: \.isWhitespace).first {
                        report.references.append(.init(url: String(url), offset: offset + leading, isResource: true))
                    }
                    offset += candidate.utf8.count + 1
                }
            }
        default:
            break
        }
    }

    private mutating func addCSSReferences(_ css: ArraySlice<UInt8>) {
        for (url, offset) in CSSURLs.find(in: css) {
            report.references.append(.init(url: url, offset: offset, isResource: true))
        }
    }

    private mutating func warn(_ message: Diagnostic.Message, at offset: Int) {
        report.findings.append(.init(severity: .warning, message: message, offset: offset))
    }

    private mutating func checkAccessibility(opening tag: HTMLScanner.Tag) {
        switch tag.name {
        case "svg":
            svgDepth += 1
        case "html" where !sawHTML:
            sawHTML = true
            if (tag.value("lang") ?? "").trimmingASCIISpaces().isEmpty {
                report.findings.append(.init(severity: .error, message: .missingLang, offset: tag.offset))
            }
        case "title" where svgDepth == 0:
            titleCount += 1
            if titleCount == 1 {
                titleText = ""
                report.title = ("", tag.offset)
            } else if titleCount == 2 {
                secondTitleOffset = tag.offset
            }
        case "img":
            if tag.attribute("alt") == nil { warn(.imageWithoutAlt, at: tag.offset) }
            if let alt = tag.value("alt") { link?.text.append(alt) }
        case "table":
            tables.append((false, tag.offset))
        case "th":
            if !tables.isEmpty { tables[tables.count - 1].hasHeader = true }
        case "h1", "h2", "h3", "h4", "h5", "h6":
            guard svgDepth == 0 else { return }
            let level = Int(tag.name.utf8.last! - UInt8(ascii: "0"))
            if level == 1 {
                h1Count += 1
                if h1Count == 2 { warn(.multipleH1, at: tag.offset) }
            }
            if previousHeading > 0 && level > previousHeading + 1 {
                warn(.headingSkip(from: previousHeading, to: level), at: tag.offset)
            }
            previousHeading = level
        case "a" where tag.attribute("href") != nil:
            finishLink()
            let labelled = ["aria-label", "aria-labelledby"].contains { !(tag.value($0) ?? "").trimmingASCIISpaces().isEmpty }
            link = (tag.offset, labelled, "")
        default:
            break
        }
    }

    private mutating func close(_ tag: HTMLScanner.Tag) {
        guard options.accessibility else { return }
        switch tag.name {
        case "svg": svgDepth = max(0, svgDepth - 1)
        case "title":
            if let text = titleText {
                report.title?.text = text.trimmingCharacters(in: .whitespacesAndNewlines)
                titleText = nil
            }
        case "table":
            if let table = tables.popLast(), !table.hasHeader { warn(.tableWithoutHeaders, at: table.offset) }
        case "a": finishLink()
        default: break
        }
    }

    private mutating func finishLink() {
        guard let open = link else { return }
        link = nil
        guard !open.labelled, let vague = LinkText.vagueness(of: open.text) else { return }
        warn(.vagueLinkText(vague), at: open.offset)
    }

    private mutating func finish() {
        finishLink()
        if let text = titleText { report.title?.text = text.trimmingCharacters(in: .whitespacesAndNewlines) }
        guard options.accessibility else { return }
        for table in tables where !table.hasHeader { warn(.tableWithoutHeaders, at: table.offset) }
        if !sawHTML { report.findings.append(.init(severity: .error, message: .missingLang, offset: 0)) }
        if titleCount == 0 { warn(.titleCount(0), at: 0) }
        if titleCount > 1 { warn(.titleCount(titleCount), at: secondTitleOffset) }
    }
}
