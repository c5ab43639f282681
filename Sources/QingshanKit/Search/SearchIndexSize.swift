/// The search index's size against the site's HTML, for the build report.
///
/// The budget: the index should stay below 40 % of the bytes of the
/// site's HTML, so search does not double what a county office copies to a USB stick.
public struct SearchIndexSize: Sendable, Equatable, CustomStringConvertible {
    /// The share of the HTML bytes the index should stay below.
    public static let budget = 0.4

    /// Bytes of `search-index.js`.
    public var indexBytes: Int
    /// Bytes of all HTML files the build wrote.
    public var htmlBytes: Int

    /// Creates a measurement.
    public init(indexBytes: Int, htmlBytes: Int) {
        self.indexBytes = indexBytes
        self.htmlBytes = htmlBytes
    }

    /// `indexBytes / htmlBytes`, or 0 for a site without HTML.
    public var ratio: Double {
        htmlBytes > 0 ? Double(indexBytes) / Double(htmlBytes) : 0
    }

    /// Whether the index stays below ``budget``.
    public var isWithinBudget: Bool { ratio < Self.budget }

    /// For the build summary, e.g. `search index 120 KB, 31 % of 387 KB of HTML`.
    public var description: String {
        "search index \(Self.kilobytes(indexBytes)), \(Int((ratio * 100).rounded())) % of \(Self.kilobytes(htmlBytes)) of HTML"
    }

    private static func kilobytes(_ bytes: Int) -> String {
        bytes < 1024 ? "\(bytes) B" : "\((bytes + 512) / 1024) KB"
    }
}
