/// The site's search index, emitted as `search-index.js`.
///
/// A classic script assigning `window.QINGSHAN_SEARCH_INDEX`, so it loads from
/// `file://` (no `fetch`, no module). Its shape, read by `assets/search.js`:
///
/// ```
/// {"v":1,
///  "sections":["水环境", …],                       // distinct section titles, sorted
///  "docs":[[url, title, sectionIndex, text], …],   // in the order given; text truncated
///  "tokens":{"铜钵":[3,12,4,1], …}}                // keys sorted by UTF-8 bytes
/// ```
///
/// A token's postings are flat pairs `docDelta, weight`: the document index as the
/// difference from the previous pair's (the first from 0), which keeps numbers short
/// on large sites, then the weight. Weight is `min(body hits, 10)` + 10 per title hit
/// (at most 2 counted) + 2 when the section title contains the token.
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
        self.documents = documents
        let sections = Array(Set(documents.map(\.section))).sorted(by: Self.utf8Order)
        let sectionIndex = Dictionary(uniqueKeysWithValues: sections.enumerated().map { ($1, $0) })
        let postings = Self.postings(of: documents)
        tokenCount = postings.count

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
        for (i, entry) in postings.enumerated() {
            if i > 0 { writer.raw(",") }
            writer.string(entry.token)
            writer.raw(":[")
            var previous = 0
            for (j, posting) in entry.postings.enumerated() {
                if j > 0 { writer.raw(",") }
                writer.integer(posting.document - previous)
                writer.raw(",")
                writer.integer(posting.weight)
                previous = posting.document
            }
            writer.raw("]")
        }
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

    // MARK: Building

    struct Posting: Equatable {
        var document: Int
        var weight: Int
    }

    /// Every token with its postings, tokens sorted by UTF-8 bytes, postings by document.
    static func postings(of documents: [SearchDocument]) -> [(token: String, postings: [Posting])] {
        var table: [String: [Posting]] = [:]
        var weights: [String: Int] = [:]
        var titleHits: [String: Int] = [:]
        var sectionTokens: Set<String> = []
        for (index, document) in documents.enumerated() {
            weights.removeAll(keepingCapacity: true)
            titleHits.removeAll(keepingCapacity: true)
            sectionTokens.removeAll(keepingCapacity: true)
            SearchTokenizer.forEachToken(in: document.text) { token in
                weights[token, default: 0] += 1
            }
            for (token, hits) in weights where hits > 10 { weights[token] = 10 }
            SearchTokenizer.forEachToken(in: document.title) { token in
                titleHits[token, default: 0] += 1
            }
            for (token, hits) in titleHits { weights[token, default: 0] += 10 * min(hits, 2) }
            SearchTokenizer.forEachToken(in: document.section) { sectionTokens.insert($0) }
            for token in sectionTokens { weights[token, default: 0] += 2 }
            // Documents are visited in order, so each postings list stays sorted.
            for (token, weight) in weights {
                table[token, default: []].append(Posting(document: index, weight: weight))
            }
        }
        return table.sorted { utf8Order($0.key, $1.key) }.map { (token: $0.key, postings: $0.value) }
    }

    /// The text kept for snippets: without a leading copy of the title (the page's
    /// `<h1>`, already shown as the result's link), cut to `length` scalars.
    static func storedText(of document: SearchDocument, length: Int) -> String {
        var text = Substring(document.text)
        if !document.title.isEmpty, text.hasPrefix(document.title) {
            text = text.dropFirst(document.title.count).drop(while: { $0 == " " })
        }
        let scalars = text.unicodeScalars
        guard scalars.count > length else { return String(text) }
        let end = scalars.index(scalars.startIndex, offsetBy: max(length, 0))
        return String(scalars[scalars.startIndex..<end])
    }

    /// A total order independent of locale and of Swift's Unicode normalisation.
    static func utf8Order(_ a: String, _ b: String) -> Bool {
        a.utf8.lexicographicallyPrecedes(b.utf8)
    }
}
