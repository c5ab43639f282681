import Foundation

/// The site's search index, emitted as `search-index.js`.
///
/// A classic script assigning `window.QINGSHAN_SEARCH_INDEX`, so it loads from
/// `file://` (no `fetch`, no module). Its shape, read by `assets/search.js`:
///
/// ```
/// {"v":1,
///  "sections":["水环境", …],                       // distinct section titles, sorted
///  "docs":[[url, title, sectionIndex, text], …],   // in the order given; text truncated
///  "tokens":{"铜":{"":"1c","钵":"4"}, …}}         // keys sorted by UTF-8 bytes
/// ```
///
/// Tokens are grouped by their first character (`"铜":{"":…, "钵":…}` holds 铜
/// and 铜钵), which spares repeating it in every bigram's key; each value is the
/// token's postings, encoded as described in `SearchIndex+Postings.swift`.
public struct SearchIndex: Sendable {
    /// How many Unicode scalars of each page's text are kept for result snippets.
    public static let defaultStoredTextLength = 160

    /// The documents, in the order given; built from the build cache, their text is the
    /// part the index stores.
    public let documents: [SearchDocument]
    /// Number of distinct tokens in the inverted index.
    public let tokenCount: Int
    /// The complete `search-index.js` as UTF-8, ending in a newline.
    let data: Data
    /// The complete `search-index.js`, ending in a newline.
    public var javaScript: String { String(decoding: data, as: UTF8.self) }

    /// Builds the index of `documents`; identical input gives identical bytes.
    ///
    /// - Parameter storedTextLength: scalars of each text kept for snippets (the
    ///   whole text is always indexed).
    public init(documents: [SearchDocument], storedTextLength: Int = SearchIndex.defaultStoredTextLength) {
        var cache = SearchTokenCache()
        let entries = documents.map { SearchEntry($0, storedTextLength: storedTextLength) }
        let byKey = Dictionary(zip(entries.map(\.key), documents), uniquingKeysWith: { a, _ in a })
        self.init(entries: entries, documents: byKey, cache: &cache, updatingCache: false, given: documents, lastFile: { nil })
    }

    /// Builds the index reusing the postings in `cache`, and replaces `cache` with the
    /// tokens of `entries` for the next build. An entry whose postings are not in `cache`
    /// is tokenized from its document in `documents` (by key), which must hold it. The
    /// bytes are the same as without a cache.
    ///
    /// - Parameter lastFile: the `search-index.js` the build that left `cache` wrote, if it
    ///   is still there: with it, and as many entries as then, the index is patched (read
    ///   only then, and checked against the hash `cache` keeps).
    init(entries: [SearchEntry], documents: [UInt64: SearchDocument], cache: inout SearchTokenCache, lastFile: () -> Data?) {
        self.init(entries: entries, documents: documents, cache: &cache, updatingCache: true, given: nil, lastFile: lastFile)
    }

    private init(
        entries: [SearchEntry], documents: [UInt64: SearchDocument], cache: inout SearchTokenCache, updatingCache: Bool,
        given: [SearchDocument]?, lastFile: () -> Data?
    ) {
        self.documents = given ?? entries.map { SearchDocument(url: $0.url, title: $0.title, section: $0.section, text: $0.storedText) }
        let (sections, sectionNumbers) = Self.sections(of: entries)
        var header = JavaScriptWriter()
        header.raw("window.QINGSHAN_SEARCH_INDEX = {\"v\":1,\"sections\":[")
        for (i, section) in sections.enumerated() {
            if i > 0 { header.raw(",") }
            header.string(section)
        }
        header.raw("],\"docs\":[")
        // Patched when the last build's index has as many documents; else made whole.
        var old = cache
        let canPatch = updatingCache && cache.keys.count == entries.count && lastFile().map { old.loadBodies(from: $0) } == true
        var made =
            (canPatch ? Self.patched(entries: entries, sections: sectionNumbers, documents: documents, cache: old) : nil)
            ?? Self.whole(entries: entries, sections: sectionNumbers, documents: documents, cache: cache, forCache: updatingCache)
        tokenCount = made.order.count
        data = Self.file(header: header.bytes, made)
        guard updatingCache else { return }
        made.fileHash = SearchTokenCache.hash(of: data)
        made.itemsStart = header.count
        made.tokensStart = header.count + made.itemBytes.count + Self.tokensOpening.utf8CodeUnitCount
        // Read back from the file when needed: the index is not held twice.
        made.itemBytes = []
        made.tokenBytes = []
        cache = made
    }

    private static let tokensOpening: StaticString = "],\"tokens\":{"

    /// The distinct section titles in byte order, and each entry's number in them. Pages of
    /// a section mostly come together, so most entries are matched with the one before.
    private static func sections(of entries: [SearchEntry]) -> (titles: [String], numbers: [Int]) {
        var distinct = Set<String>()
        var last: String?
        for entry in entries where entry.section != last {
            distinct.insert(entry.section)
            last = entry.section
        }
        let titles = distinct.sorted(by: utf8Order)
        let number = Dictionary(uniqueKeysWithValues: titles.enumerated().map { ($1, $0) })
        var numbers: [Int] = []
        numbers.reserveCapacity(entries.count)
        last = nil
        var lastNumber = 0
        for entry in entries {
            if entry.section != last {
                lastNumber = number[entry.section] ?? 0
                last = entry.section
            }
            numbers.append(lastNumber)
        }
        return (titles, numbers)
    }

    /// The script: `header`, the documents' items, the tokens, the closing braces, copied
    /// once into the file's bytes.
    private static func file(header: [UInt8], _ made: SearchTokenCache) -> Data {
        let middle = tokensOpening
        let end: StaticString = made.order.isEmpty ? "}};\n" : "}}};\n"
        let parts = [header, made.itemBytes, [UInt8](middle.withUTF8Buffer { Array($0) }), made.tokenBytes, end.withUTF8Buffer { Array($0) }]
        // Not `Data(count:)`: its zeroes would be written over at once.
        var data = Data(capacity: parts.reduce(0) { $0 + $1.count })
        for part in parts { data.append(contentsOf: part) }
        return data
    }

    /// What a document's item in `docs` depends on besides its key (which fixes its title,
    /// section title and stored text): its URL and its section's number.
    static func itemStamp(url: String, section: Int) -> UInt64 {
        var hash = StableHash()
        hash.combine(url)
        return hash.value &+ UInt64(section) &* 0x9E37_79B9_7F4A_7C15
    }

    /// Appends a document's item, `[url,title,section,text]`.
    static func writeItem(_ entry: SearchEntry, section: Int, to writer: inout JavaScriptWriter) {
        writer.raw("[")
        writer.string(entry.url)
        writer.raw(",")
        writer.string(entry.title)
        writer.raw(",")
        writer.integer(section)
        writer.raw(",")
        writer.string(entry.storedText)
        writer.raw("]")
    }

    /// The complete `search-index.js` for `documents`.
    public static func javaScript(for documents: [SearchDocument]) -> String {
        SearchIndex(documents: documents).javaScript
    }

    /// Size of the emitted script in bytes.
    public var byteCount: Int { data.count }

    /// The index size measured against the bytes of the site's HTML.
    public func size(comparedToHTMLBytes htmlBytes: Int) -> SearchIndexSize {
        SearchIndexSize(indexBytes: byteCount, htmlBytes: htmlBytes)
    }

    /// The text kept for snippets: without a leading copy of the title (the page's
    /// `<h1>`, already shown as the result's link), cut to `length` scalars.
    static func storedText(of document: SearchDocument, length: Int) -> String {
        var text = Substring(document.text)
        if !document.title.isEmpty, text.hasPrefix(document.title) {
            text = text.dropFirst(document.title.count).drop(while: { $0 == " " })
        }
        let scalars = text.unicodeScalars
        // Walks at most `length` scalars, not the whole text.
        guard let end = scalars.index(scalars.startIndex, offsetBy: max(length, 0), limitedBy: scalars.endIndex),
            end != scalars.endIndex
        else { return String(text) }
        return String(scalars[scalars.startIndex..<end])
    }

    /// A total order independent of locale and of Swift's Unicode normalisation.
    static func utf8Order(_ a: String, _ b: String) -> Bool {
        a.utf8.lexicographicallyPrecedes(b.utf8)
    }
}
