import Foundation

/// Rewrites link destinations written in Markdown into relative output links.
///
/// - `other.md`, `../goals.md#anchor`: a page, relative to this page's file → its URL.
/// - `/files/report.pdf`, `/goals/`: a site path → relative to this page; a folder gets `index.html`.
/// - `../funding/`: a folder relative to this page's URL → its `index.html`, relative.
/// - anything with a scheme (`https:`, `mailto:`), `#anchor` alone, or another relative path: kept.
struct LinkResolver: Sendable {
    let model: SiteModel

    func resolve(_ destination: String, from page: Page, at location: SourceLocation) -> LinkResolution {
        if destination.isEmpty || destination.hasPrefix("#") || Self.hasScheme(destination) { return .keep }
        var path = Substring(destination)
        var suffix = ""
        if let mark = destination.utf8.firstIndex(where: { $0 == UInt8(ascii: "#") || $0 == UInt8(ascii: "?") }) {
            suffix = String(destination[mark...])
            path = destination[..<mark]
        }
        // Foundation's percent-decoding goes through CFString; most links have no `%`.
        let decoded = path.utf8.contains(UInt8(ascii: "%")) ? (path.removingPercentEncoding ?? String(path)) : String(path)
        if decoded.hasPrefix("/") {
            var target = String(decoded.dropFirst())
            if target.hasSuffix(".md") {
                guard let output = model.outputPath(ofPage: target) else {
                    return .invalid(.error(.brokenPageLink(destination), at: location))
                }
                target = output
            } else if target.isEmpty || target.hasSuffix("/") {
                target += "index.html"
            }
            guard model.otherOutputs.contains(target) || model.pageOutputs.contains(target) else {
                return .invalid(.error(.brokenSiteLink(destination), at: location))
            }
            return .replace(SitePaths.link(from: page.outputPath, to: target) + suffix)
        }
        if Self.namesFolder(decoded) { return resolveFolder(decoded, destination: destination, suffix: suffix, from: page, at: location) }
        guard decoded.hasSuffix(".md") else { return .keep }
        guard let pagePath = SitePaths.resolve(decoded, inFolder: page.folder),
            let output = model.outputPath(ofPage: pagePath)
        else {
            return .invalid(.error(.brokenPageLink(destination), at: location))
        }
        return .replace(SitePaths.link(from: page.outputPath, to: output) + suffix)
    }

    /// `../funding/`, `.`, `..`: a folder, as a browser reads it from this page's URL. It
    /// becomes its `index.html` (a page or a static file), or an error here, at the
    /// Markdown line, rather than an offline-folder-link finding in the output.
    private func resolveFolder(_ decoded: String, destination: String, suffix: String, from page: Page, at location: SourceLocation) -> LinkResolution {
        let pageFolder = page.outputPath.split(separator: "/").dropLast().joined(separator: "/")
        guard let folder = SitePaths.resolve(decoded, inFolder: pageFolder) else {
            return .invalid(.error(.brokenSiteLink(destination), at: location))
        }
        let target = folder.isEmpty ? "index.html" : folder + "/index.html"
        guard model.pageOutputs.contains(target) || model.otherOutputs.contains(target) else {
            return .invalid(.error(.brokenSiteLink(destination), at: location))
        }
        return .replace(SitePaths.link(from: page.outputPath, to: target) + suffix)
    }

    static func namesFolder(_ path: String) -> Bool {
        path.hasSuffix("/") || path == "." || path == ".." || path.hasSuffix("/.") || path.hasSuffix("/..")
    }

    /// `https:`, `mailto:`, `javascript:`: a scheme is letters (then letters, digits,
    /// `+ - .`) before the first `:`, with no `/` before it.
    static func hasScheme(_ destination: String) -> Bool {
        // Every byte of a scheme is ASCII, so bytes are enough.
        guard let colon = destination.utf8.firstIndex(of: UInt8(ascii: ":")) else { return false }
        let scheme = destination.utf8[..<colon]
        guard let first = scheme.first, isLetterOrDigit(first) else { return false }
        return scheme.allSatisfy { isLetterOrDigit($0) || $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: ".") }
    }

    private static func isLetterOrDigit(_ byte: UInt8) -> Bool {
        (byte | 0x20) &- UInt8(ascii: "a") < 26 || byte &- UInt8(ascii: "0") < 10
    }
}

extension Substring {
    var removingPercentEncoding: String? { String(self).removingPercentEncoding }
}
