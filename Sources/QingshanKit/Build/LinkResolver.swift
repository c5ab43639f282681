import Foundation

/// Rewrites link destinations written in Markdown into relative output links.
///
/// - `other.md`, `../goals.md#anchor`: a page, relative to this page's file → its URL.
/// - `/files/report.pdf`, `/goals/`: a site path → relative to this page; a folder gets `index.html`.
/// - anything with a scheme (`https:`, `mailto:`), `#anchor` alone, or another relative path: kept.
struct LinkResolver: Sendable {
    let model: SiteModel

    func resolve(_ destination: String, from page: Page, at location: SourceLocation) -> LinkResolution {
        if destination.isEmpty || destination.hasPrefix("#") || Self.hasScheme(destination) { return .keep }
        var path = Substring(destination)
        var suffix = ""
        if let mark = path.firstIndex(where: { $0 == "#" || $0 == "?" }) {
            suffix = String(path[mark...])
            path = path[..<mark]
        }
        let decoded = path.removingPercentEncoding ?? String(path)
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
        guard decoded.hasSuffix(".md") else { return .keep }
        guard let pagePath = SitePaths.resolve(decoded, inFolder: page.folder),
              let output = model.outputPath(ofPage: pagePath)
        else {
            return .invalid(.error(.brokenPageLink(destination), at: location))
        }
        return .replace(SitePaths.link(from: page.outputPath, to: output) + suffix)
    }

    /// `https:`, `mailto:`, `javascript:`: a scheme is letters (then letters, digits,
    /// `+ - .`) before the first `:`, with no `/` before it.
    static func hasScheme(_ destination: String) -> Bool {
        guard let colon = destination.firstIndex(of: ":") else { return false }
        let scheme = destination[..<colon]
        guard let first = scheme.unicodeScalars.first, first.properties.isASCIIHexDigit || first.properties.isAlphabetic else { return false }
        return scheme.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || $0.properties.numericType != nil || "+-.".unicodeScalars.contains($0)) }
    }
}

extension Substring {
    var removingPercentEncoding: String? { String(self).removingPercentEncoding }
}
