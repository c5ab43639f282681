/// A Markdown page of the site, read and split but not yet rendered.
///
/// A value whose fields live in one shared, immutable box: a build copies every page a
/// dozen times (models, keys, checks), and copying eleven references each time was 3 % of
/// a one-page rebuild at N = 10,000. Changing a field makes a new box.
public struct Page: Sendable, Hashable {
    /// The fields of a page.
    struct Fields: Sendable, Hashable {
        var sourcePath: String
        var pagePath: String
        var outputPath: String
        var frontMatter: FrontMatter
        var body: String
        var bodyLineOffset: Int
    }

    private final class Box: Sendable {
        let fields: Fields
        init(_ fields: Fields) { self.fields = fields }
    }

    private var box: Box

    public init(sourcePath: String, pagePath: String, outputPath: String, frontMatter: FrontMatter, body: String, bodyLineOffset: Int) {
        box = Box(
            Fields(
                sourcePath: sourcePath, pagePath: pagePath, outputPath: outputPath, frontMatter: frontMatter, body: body,
                bodyLineOffset: bodyLineOffset))
    }

    private var fields: Fields {
        get { box.fields }
        set { box = Box(newValue) }
    }

    /// The source file relative to the site root: `content/pages/goals.md`.
    public var sourcePath: String {
        get { box.fields.sourcePath }
        set { fields.sourcePath = newValue }
    }
    /// The file relative to `content/pages`: `goals.md`, `updates/index.md`.
    public var pagePath: String {
        get { box.fields.pagePath }
        set { fields.pagePath = newValue }
    }
    /// Where the page is written, relative to the output folder: `goals/index.html`.
    public var outputPath: String {
        get { box.fields.outputPath }
        set { fields.outputPath = newValue }
    }
    public var frontMatter: FrontMatter {
        get { box.fields.frontMatter }
        set { fields.frontMatter = newValue }
    }
    public var body: String {
        get { box.fields.body }
        set { fields.body = newValue }
    }
    /// Lines above the body in the file (front matter), to report real line numbers.
    public var bodyLineOffset: Int {
        get { box.fields.bodyLineOffset }
        set { fields.bodyLineOffset = newValue }
    }

    public static func == (a: Page, b: Page) -> Bool { a.box === b.box || a.box.fields == b.box.fields }

    public func hash(into hasher: inout Hasher) { box.fields.hash(into: &hasher) }

    /// The folder under `content/pages` the page sits in (`""` at the top, `updates`).
    public var folder: String { Self.folder(ofPagePath: pagePath) }

    static func folder(ofPagePath pagePath: String) -> String {
        guard let slash = pagePath.utf8.lastIndex(of: UInt8(ascii: "/")) else { return "" }
        return String(pagePath[..<slash])
    }

    /// The page is its folder's `index.md`: the page of a section (or the home page).
    public var isSectionIndex: Bool { pagePath == "index.md" || pagePath.hasSuffix("/index.md") }

    public var isHome: Bool { pagePath == "index.md" }

    /// The section whose list shows this page: its folder, or for a section's own page the folder above.
    public var parentFolder: String? {
        if isHome { return nil }
        if isSectionIndex {
            let own = folder
            guard let slash = own.utf8.lastIndex(of: UInt8(ascii: "/")) else { return "" }
            return String(own[..<slash])
        }
        return folder
    }

    /// The layout the page renders with: its `layout:` field, else `home` for the home
    /// page, `404` for `404.md`, `section` for a folder's `index.md`, `page` otherwise.
    public var layoutName: String {
        if let layout = frontMatter.layout { return layout }
        if isHome { return "home" }
        if pagePath == "404.md" { return "404" }
        return isSectionIndex ? "section" : "page"
    }

    /// The output path for a page file, honouring its slug.
    /// Whether `path` has two slashes in a row, read from its bytes (Foundation's
    /// `contains` cost more than the rest of making the output path).
    private static func hasDoubleSlash(_ path: String) -> Bool {
        var previous: UInt8 = 0
        for byte in path.utf8 {
            if byte == UInt8(ascii: "/") && previous == byte { return true }
            previous = byte
        }
        return false
    }

    /// The same rule on the bytes of an ASCII page path (where every byte is a character),
    /// `nil` for any other: walking characters backwards was most of the cost.
    private static func asciiOutputPath(forPagePath pagePath: String, slug: String?) -> String? {
        let utf8 = pagePath.utf8
        guard utf8.count >= 3, utf8.first != UInt8(ascii: "/"), !hasDoubleSlash(pagePath), utf8.allSatisfy({ $0 < 0x80 }) else { return nil }
        let end = utf8.index(utf8.endIndex, offsetBy: -3)
        guard utf8[end...].elementsEqual(".md".utf8) else { return nil }
        let slash = UInt8(ascii: "/")
        guard let cut = utf8[..<end].lastIndex(of: slash) else {
            let name = Substring(utf8[..<end])
            if name == "404" { return "404.html" }
            return name == "index" ? "index.html" : (slug ?? String(name)) + "/index.html"
        }
        let name = Substring(utf8[utf8.index(after: cut)..<end])
        let folder = Substring(utf8[..<cut])
        guard name == "index" else { return joined(folder, slug.map { Substring($0) } ?? name) }
        guard let slug else { return folder + "/index.html" }
        let parent = folder.utf8.lastIndex(of: slash).map { String(Substring(folder.utf8[...$0])) } ?? ""
        return parent + slug + "/index.html"
    }

    /// `folder/name/index.html`, made in one allocation: concatenating the four parts was
    /// most of making a page's output path, which every rebuild does twice for every page.
    private static func joined(_ folder: Substring, _ name: Substring) -> String {
        let suffix = "/index.html".utf8
        let count = folder.utf8.count + 1 + name.utf8.count + suffix.count
        return String(unsafeUninitializedCapacity: count) { buffer in
            var index = buffer.initialize(fromContentsOf: folder.utf8)
            buffer[index] = UInt8(ascii: "/")
            index += 1
            // A slice's `initialize` returns the index after the last byte it wrote.
            index = buffer[index...].initialize(fromContentsOf: name.utf8)
            return buffer[index...].initialize(fromContentsOf: suffix)
        }
    }

    static func outputPath(forPagePath pagePath: String, slug: String?) -> String {
        // The common case without splitting into components: every build asks for every
        // page's output path, twice on a rebuild.
        if let path = asciiOutputPath(forPagePath: pagePath, slug: slug) { return path }
        if pagePath.hasSuffix(".md"), !pagePath.hasPrefix("/"), !hasDoubleSlash(pagePath) {
            let stem = pagePath.dropLast(3)
            let cut = stem.lastIndex(of: "/")
            let name = cut.map { stem[stem.index(after: $0)...] } ?? stem
            guard let cut else {
                if name == "404" { return "404.html" }
                return name == "index" ? "index.html" : (slug ?? String(name)) + "/index.html"
            }
            let folder = stem[..<cut]
            guard name == "index" else { return folder + "/" + (slug ?? String(name)) + "/index.html" }
            guard let slug else { return folder + "/index.html" }
            let parent = folder.lastIndex(of: "/").map { String(folder[...$0]) } ?? ""
            return parent + slug + "/index.html"
        }
        var components = pagePath.split(separator: "/").map(String.init)
        let file = components.removeLast()
        let name = String(file.dropLast(3))  // ".md"
        if components.isEmpty && name == "404" { return "404.html" }
        if name == "index" {
            if let slug, !components.isEmpty { components[components.count - 1] = slug }
            return (components + ["index.html"]).joined(separator: "/")
        }
        return (components + [slug ?? name, "index.html"]).joined(separator: "/")
    }
}
