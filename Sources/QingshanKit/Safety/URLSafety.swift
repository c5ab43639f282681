/// Which URLs may be written into `href` and `src`.
///
/// Mustache escapes only `& " < >`, so a front-matter value such as
/// `javascript:alert(1)` would reach an `href` intact: URL-valued fields are checked
/// here instead.
public enum URLSafety {
    /// The schemes a page may link to. Everything else (`javascript:`, `vbscript:`,
    /// `data:`, `file:`, unknown schemes) is refused.
    public static let allowedSchemes: Set<String> = ["http", "https", "mailto", "tel"]

    /// Whether `url` is `http:`, `https:`, `mailto:`, `tel:` or relative (no scheme).
    ///
    /// Browsers ignore ASCII tabs and newlines inside a scheme and leading spaces or
    /// controls (`java\tscript:` runs), so those are removed before the scheme is read.
    public static func isSafe(_ url: String) -> Bool {
        // Lazily: the loop stops at the scheme, and filtering a long `data:` URL whole
        // first was a hundred thousand instructions a URL.
        let cleaned = url.unicodeScalars.drop { $0.value <= 0x20 }.lazy.filter { $0 != "\t" && $0 != "\n" && $0 != "\r" }
        var scheme = ""
        for scalar in cleaned {
            if scalar == ":" { return allowedSchemes.contains(scheme.lowercased()) }
            // A `/`, `?` or `#` before any `:` makes the URL a relative path.
            if scalar == "/" || scalar == "?" || scalar == "#" { return true }
            guard scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "+-.".unicodeScalars.contains(scalar) else {
                // Not a scheme character: a relative path such as `图片:1.png` is fine,
                // but a control character is not.
                return scalar.value >= 0x20 && scalar.value != 0x7F
            }
            scheme.unicodeScalars.append(scalar)
        }
        return true
    }

    /// Whether a front-matter key holds a URL by its name: `url`, `link`, `image`,
    /// `href`, or a name ending in `URL`/`Url` (`coverURL`, `sourceUrl`).
    public static func isURLKey(_ key: String) -> Bool {
        ["url", "link", "image", "href", "src"].contains(key.lowercased()) || key.hasSuffix("URL") || key.hasSuffix("Url") || key.hasSuffix("_url")
    }

    /// Whether cmark's HTML renderer would drop `url` when raw HTML is off: the same rule,
    /// applied by Qingshan whatever the raw-HTML setting, so opting in to raw HTML does not
    /// also let `[x](javascript:…)` through.
    static func isDangerousInMarkdown(_ url: String) -> Bool {
        let lowered = url.lowercased()
        if lowered.hasPrefix("data:") {
            return !["data:image/png", "data:image/gif", "data:image/jpeg", "data:image/webp"].contains { lowered.hasPrefix($0) }
        }
        return ["javascript:", "vbscript:", "file:"].contains { lowered.hasPrefix($0) }
    }
}
