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
        childrenByFolder = children.mapValues { indices in
            indices.sorted { Self.displayOrder(pages[$0].frontMatter, pages[$1].frontMatter, pages[$0].pagePath, pages[$1].pagePath) }
        }
    }

    /// Weighted pages first by weight; then newest date first; then title (pinyin); then path.
    static func displayOrder(_ a: FrontMatter, _ b: FrontMatter, _ pathA: String, _ pathB: String) -> Bool {
        let wa = a.weight == 0 ? Int.max : a.weight
        let wb = b.weight == 0 ? Int.max : b.weight
        if wa != wb { return wa < wb }
        let da = a.date ?? ""
        let db = b.date ?? ""
        if da != db { return da > db }
        if a.title != b.title { return ChineseCollation.ascending(a.title, b.title) }
        return pathA < pathB
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
