import Foundation

/// Points a finding about an output page back at the Markdown that wrote it: a dead link
/// or anchor is reported at the line and column of the same link in the page's source,
/// where the person fixes it, with a note naming where the checker saw it in the output.
enum SourceTrace {
    static let linkFindings: Set<String> = ["dead-link", "dead-anchor", "link-leaves-site", "offline-folder-link"]

    /// `diagnostics` with each link finding whose URL appears in the source of the page it
    /// was found in moved to that source line (the output position becomes a note).
    static func annotate(_ diagnostics: [Diagnostic], html: (String) -> Data?, pages: [String: Page]) -> [Diagnostic] {
        diagnostics.map { diagnostic in
            guard linkFindings.contains(diagnostic.message.id), let location = diagnostic.location,
                let page = pages[location.path], let html = html(location.path),
                let url = url(at: location, in: html),
                let found = find(url, in: page)
            else { return diagnostic }
            var annotated = diagnostic
            annotated.location = found
            annotated.notes.append("found in the output at \(location)")
            return annotated
        }
    }

    /// The attribute value that starts at `location` (line and UTF-8 column) in `html`.
    private static func url(at location: SourceLocation, in html: Data) -> String? {
        guard let line = location.line, let column = location.column else { return nil }
        let bytes = [UInt8](html)
        var currentLine = 1
        var index = 0
        while currentLine < line, index < bytes.count {
            if bytes[index] == UInt8(ascii: "\n") { currentLine += 1 }
            index += 1
        }
        index += column - 1
        guard index < bytes.count else { return nil }
        let end = bytes[index...].firstIndex { $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "'") || $0 == UInt8(ascii: ">") } ?? bytes.count
        return String(decoding: bytes[index..<end], as: UTF8.self)
    }

    /// Where the link appears in the page's body: as written, decoded, or by its fragment.
    private static func find(_ url: String, in page: Page) -> SourceLocation? {
        var candidates = [url]
        if let decoded = url.removingPercentEncoding { candidates.append(decoded) }
        if let hash = url.firstIndex(of: "#") {
            let fragment = String(url[hash...])
            candidates.append(fragment)
            if let decoded = fragment.removingPercentEncoding { candidates.append(decoded) }
        }
        let lines = page.body.split(separator: "\n", omittingEmptySubsequences: false)
        for candidate in candidates where !candidate.isEmpty {
            for (number, line) in lines.enumerated() {
                guard let range = line.range(of: "(" + candidate) ?? line.range(of: candidate) else { continue }
                let column = line[..<range.lowerBound].utf8.count + 1
                return SourceLocation(path: page.sourcePath, line: number + 1 + page.bodyLineOffset, column: column)
            }
        }
        return nil
    }
}
