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

    /// The documents, in the order given.
    public let documents: [SearchDocument]
    /// Number of distinct tokens in the inverted index.
    public let tokenCount: Int
    /// The complete `search-index.js`, ending in a newline.
    public let javaScript: String

    /// Builds the index of `documents`; identical input gives identical bytes.
    ///
    /// - Parameter storedTextLength: scalars of each text kept for snippets (the
    ///   whole text is always indexed).
    public init(documents: [SearchDocument], storedTextLength: Int = SearchIndex.defaultStoredTextLength) {
        var cache = SearchTokenCache()
        self.init(documents: documents, storedTextLength: storedTextLength, cache: &cache, updatingCache: false)
    }

    /// Builds the index reusing the postings of the documents in `cache`, and replaces
    /// `cache` with the tokens of `documents` for the next build. The bytes are the same
    /// as without a cache.
    init(documents: [SearchDocument], storedTextLength: Int = SearchIndex.defaultStoredTextLength, cache: inout SearchTokenCache) {
        self.init(documents: documents, storedTextLength: storedTextLength, cache: &cache, updatingCache: true)
    }

    private init(documents: [SearchDocument], storedTextLength: Int, cache: inout SearchTokenCache, updatingCache: Bool) {
        self.documents = documents
        let sections = Array(Set(documents.map(\.section))).sorted(by: Self.utf8Order)
        let sectionIndex = Dictionary(uniqueKeysWithValues: sections.enumerated().map { ($1, $0) })
        let inverted = Self.invertedIndex(of: documents, cache: &cache, updating: updatingCache)
        tokenCount = inverted.tokenCount

        var writer = JavaScriptWriter()
        writer.raw("window.QINGSHAN_SEARCH_INDEX = {\"v\":1,\"sections\":[")
        for (i, section) in sections.enumerated() {
            if i > 0 { writer.raw(",") }
            writer.string(section)
        }
        writer.raw("],\"docs\":[")
        for (i, document) in documents.enumerated() {
            if i > 0 { writer.raw(",") }
            writer.raw("[")
            writer.string(document.url)
            writer.raw(",")
            writer.string(document.title)
            writer.raw(",")
            writer.integer(sectionIndex[document.section] ?? 0)
            writer.raw(",")
            writer.string(Self.storedText(of: document, length: storedTextLength))
            writer.raw("]")
        }
        writer.raw("],\"tokens\":{")
        inverted.write(to: &writer)
        writer.raw("}};\n")
        javaScript = writer.result
    }

    /// The complete `search-index.js` for `documents`.
    public static func javaScript(for documents: [SearchDocument]) -> String {
        SearchIndex(documents: documents).javaScript
    }

    /// Size of the emitted script in bytes.
    public var byteCount: Int { javaScript.utf8.count }

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
