/// Which context values Qingshan vouches for: what `TemplateLint` lets a template put
/// where escaping alone is not enough. Names are full dotted paths; a list's elements are
/// named like the list (`page.children.url` is the `url` of every child); `*` stands for
/// any one name. Keep these in step with `PageContext.make()` (in `Site/`) and docs/TEMPLATES.md.
enum ContextTrust {
    /// HTML that Qingshan rendered itself: the only values `{{{…}}}` and `{{& …}}` may show.
    static let htmlNames: Set<String> = ["page.content"]

    /// URLs that Qingshan built (relative links between pages, `baseURL`-absolute links) or
    /// checked with `URLSafety.isSafe` when it read them (site.yaml navigation and footer
    /// links): safe at the start of `href` or `src`. Front-matter keys named like a URL
    /// (`URLSafety.isURLKey`) are checked too: see `isCheckedURL`.
    static let checkedURLNames: [String] = [
        "root", "assets", "searchURL",
        "nav.url",
        "page.url", "page.canonicalURL", "page.ogURL", "page.feedURL", "page.baseHref",
        "page.breadcrumbs.url", "page.children.url", "page.records.url",
        "sections.*.url", "sections.*.pages.url", "latestUpdates.url",
        "previous.url", "next.url", "back.url",
        "site.footer.icpURL", "site.footer.publicSecurityURL", "site.footer.errorReportURL",
        // Open data (`Publish/Downloads`): relative links to the files Qingshan writes.
        "downloads.csv", "downloads.xlsx", "downloads.json", "downloads.catalogue",
        "catalogue.package.url",
    ]

    /// Objects whose keys come from the site's own data (datasets, front matter, a
    /// collection's row), so a name inside them may resolve to anything.
    static let openObjects = ["data", "page.params", "record"]

    static func isCheckedURL(_ name: String) -> Bool {
        if exactCheckedURLs.contains(name) { return true }
        let parts = name.split(separator: ".")
        if parts.count == 3, parts[0] == "page", parts[1] == "params" { return URLSafety.isURLKey(String(parts[2])) }
        return wildcardCheckedURLs.contains { expected in
            expected.count == parts.count && zip(expected, parts).allSatisfy { $0 == "*" || $0 == $1 }
        }
    }

    // `checkedURLNames` split once: splitting every pattern on every call was most of the
    // template lint (47 M instructions, run on every build).
    private static let exactCheckedURLs = Set(checkedURLNames.filter { !$0.contains("*") })
    private static let wildcardCheckedURLs = checkedURLNames.filter { $0.contains("*") }.map { $0.split(separator: ".") }

    static func isOpenObject(_ name: String) -> Bool {
        openObjects.contains { name == $0 || name.hasPrefix($0 + ".") }
    }
}
