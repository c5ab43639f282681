import Foundation

extension URLSafety {
    /// Errors for `site.yaml` values that templates put in `href`: navigation `url:`
    /// entries and the footer's `…URL` fields.
    static func check(_ config: SiteConfig) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for item in config.navigation {
            if case .url(let url) = item.target, !isSafe(url) {
                diagnostics.append(.error(.unsafeURL(key: "url", value: url), at: item.location))
            }
        }
        for key in config.footer.keys.sorted() where isURLKey(key) {
            if let url = config.footer[key], !isSafe(url) {
                diagnostics.append(.error(.unsafeURL(key: key, value: url), at: config.footerLocations[key]))
            }
        }
        return diagnostics
    }
}
