/// A page file's front matter as parsed, with what loading it reported, valid while the
/// file's text hashes to `textHash`.
struct ParsedPage: Sendable, Hashable {
    var textHash: UInt64
    var frontMatter: FrontMatter
    var diagnostics: [Diagnostic]
    /// Personal data in the body, whatever the policy allows (applied on each build).
    var personalData: [PersonalDataFinding] = []
    /// Lines above the body, so the page can be made without reading its file.
    var bodyLineOffset = 0
}
