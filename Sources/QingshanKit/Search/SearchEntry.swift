/// One document's part in the search index as the build cache keeps it: what the index
/// shows of the page (its stored text, not the whole text) and the key of its postings in
/// `SearchTokenCache`. Kept whole, the pages' texts were most of the cache, and reading
/// and writing the cache most of a one-page rebuild.
struct SearchEntry: Sendable, Hashable {
    var url: String
    var title: String
    var section: String
    /// The text shown with results: ``SearchIndex/storedText(of:length:)``.
    var storedText: String
    /// ``SearchTokenCache/key(of:)`` of the whole document.
    var key: UInt64

    init(url: String, title: String, section: String, storedText: String, key: UInt64) {
        self.url = url
        self.title = title
        self.section = section
        self.storedText = storedText
        self.key = key
    }

    init(_ document: SearchDocument, storedTextLength: Int = SearchIndex.defaultStoredTextLength) {
        self.init(
            url: document.url, title: document.title, section: document.section,
            storedText: SearchIndex.storedText(of: document, length: storedTextLength), key: SearchTokenCache.key(of: document))
    }
}
