/// The bounds Qingshan puts on its input, so no file can make a build hang or crash.
///
/// Every limit is reported as a positioned error naming the limit; none is silent.
/// The figures were chosen by measurement (see `scripts/pathological` and the report in
/// issue 9) so that ordinary pages sit orders of magnitude below them.
public enum SafetyLimits {
    /// The largest Markdown page accepted, front matter included: 1 MiB. The bundled
    /// pages are under 20 KB; a 1 MiB page is about 340,000 Chinese characters.
    public static let maxMarkdownBytes = 1 << 20

    /// The largest data file accepted (CSV, YAML, JSON, schema): 16 MiB, far above a
    /// spreadsheet of every village of the zone, and refused before it is decoded.
    public static let maxDataFileBytes = 16 << 20

    /// What one workbook (.xlsx, a ZIP of XML) may unpack to, all parts read together:
    /// 128 MiB, eight times the largest data file, as sheet XML compresses about 8:1 to 20:1.
    /// Counted as the bytes inflate, so a ZIP that understates its sizes stops here too.
    /// `limits: workbookBytes` in site.yaml.
    public static let maxWorkbookUncompressedBytes = 128 << 20

    /// Entries in a workbook's ZIP: a workbook of 50 sheets has about 120.
    /// `limits: workbookEntries` in site.yaml.
    public static let maxWorkbookEntries = 1_000

    /// The most a workbook part over 1 MiB may claim to unpack, as a multiple of its
    /// compressed size: deflate cannot exceed about 1,032:1, and an honest sheet stays far
    /// below (a 10,000-row sheet from openpyxl: about 9:1; a sheet of one repeated styled
    /// empty cell: about 250:1), so a higher claim is a bomb or damage.
    public static let maxWorkbookCompressionRatio = 500

    /// The deepest nesting a YAML or JSON file may have. Yams composes and frees nodes
    /// recursively, so the depth is bounded by a byte scan before Yams sees the text.
    public static let maxYAMLDepth = 500

    // The three shapes below make libcmark older than 0.31.0 take quadratic time. The
    // guard applies them only when such a library is linked (`Markdown.cmarkVersion`).

    /// Image openers `![` in one block (text between blank lines). CVE-2023-22486: each
    /// link closed after N unclosed `![` walks all of them. 0.30.2 CLI: 5,000 → 0.06 s,
    /// 10,000 → 0.8 s, 20,000 → 3.8 s, 160,000 (960 KB) → minutes. Per block, since
    /// cmark parses inlines per paragraph.
    public static let maxImageOpenersPerBlock = 2_000

    /// Σ over the page's blocks of (unclosed `![` in the block)²: 80 blocks of 2,000
    /// (960 KB) took 1.2 s in the CLI and 2 s through Qingshan; this allows five.
    public static let maxImageOpenerCostPerPage = 20_000_000

    /// Block-quote depth × emphasis delimiters (`*`, `_`) of each block, summed over the
    /// page (CVE-2023-24824). 0.30.2 CLI: 10,000 × 10,000 → 1.1 s, 20,000 × 20,000 → 6.1 s;
    /// summed because 100 blocks of 3,000 × 3,300 took 2.6 s.
    public static let maxQuoteDepthTimesEmphasis = 10_000_000

    /// Σ over the page's blank lines of the container depth (list items, quotes) they sit
    /// in (GHSA-66g8-4hjf-77xh: empty lines in deeply nested lists). 0.30.2 CLI:
    /// 2,000 × 2,000 → 0.3 s, 5,000 × 5,000 → 3.5 s, 10,000 × 10,000 → 17 s, and
    /// 45 lists of 10,000 levels × 399 blank lines → 9.2 s, hence a sum over the page.
    public static let maxBlankLinesTimesListDepth = 4_000_000

    /// The first libcmark release with all three fixes.
    static let fixedCmark = (major: 0, minor: 31, patch: 0)
}
