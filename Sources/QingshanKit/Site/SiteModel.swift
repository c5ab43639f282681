/// The site after reading and before rendering: pages indexed by path, sections,
/// navigation. Rendering reads it from several threads; it is never changed then.
struct SiteModel: Sendable {
    let config: SiteConfig
    let pages: [Page]
    /// Page index by `pagePath` (`updates/index.md`).
    let pageIndexByPath: [String: Int]
    /// Index of the section page (a folder's `index.md`) by folder (`""` is home).
    let sectionIndexByFolder: [String: Int]
    /// Pages listed by each section, sorted for display.
    let childrenByFolder: [String: [Int]]
    /// Output paths of everything else the site will contain (static files, assets).
    let otherOutputs: Set<String>
    /// Output paths of the pages.
    let pageOutputs: Set<String>

    init(config: SiteConfig, pages: [Page], otherOutputs: Set<String>) {
        self.config = config
        self.pages = pages
        self.otherOutputs = otherOutputs
        self.pageOutputs = Set(pages.map(\.outputPath))
        var byPath: [String: Int] = [:]
        var sections: [String: Int] = [:]
        for (index, page) in pages.enumerated() {
            byPath[page.pagePath] = index
            if page.isSectionIndex { sections[page.folder] = index }
        }
        pageIndexByPath = byPath
        sectionIndexByFolder = sections
        var children: [String: [Int]] = [:]
        for (index, page) in pages.enumerated() {
            guard let parent = page.parentFolder, page.pagePath != "404.md" else { continue }
            children[parent, default: []].append(index)
        }
        // The keys taken out once: reading them from the pages in the comparison copied
        // each page's front matter twice a comparison (143 M instructions at N = 10,000).
        let keys = pages.map { DisplayKey($0.frontMatter, path: $0.pagePath) }
        childrenByFolder = children.mapValues { indices in
            indices.sorted { Self.displayOrder(keys[$0], keys[$1]) }
        }
    }

    /// What the order of a section's pages reads of each.
    struct DisplayKey {
        /// `Int.max` for an unweighted page.
        let weight: Int
        let date: String
        let title: String
        let path: String

        init(_ matter: FrontMatter, path: String) {
            weight = matter.weight == 0 ? Int.max : matter.weight
            date = matter.date ?? ""
            title = matter.title
            self.path = path
        }
    }

    /// Weighted pages first by weight; then newest date first; then title (pinyin); then path.
    static func displayOrder(_ a: DisplayKey, _ b: DisplayKey) -> Bool {
        if a.weight != b.weight { return a.weight < b.weight }
        if a.date != b.date { return a.date > b.date }
        if a.title != b.title { return ChineseCollation.ascending(a.title, b.title) }
        return a.path < b.path
    }

    /// The folders from the top down to `folder` that have a section page, with their pages.
    func ancestors(ofFolder folder: String) -> [Int] {
        var result: [Int] = []
        if let home = sectionIndexByFolder[""] { result.append(home) }
        guard !folder.isEmpty else { return result }
        var prefix = ""
        for part in folder.split(separator: "/") {
            prefix = prefix.isEmpty ? String(part) : prefix + "/" + part
            if let index = sectionIndexByFolder[prefix] { result.append(index) }
        }
        return result
    }

    /// Output path of the page at `pagePath`, if there is one.
    func outputPath(ofPage pagePath: String) -> String? {
        pageIndexByPath[pagePath].map { pages[$0].outputPath }
    }
}
