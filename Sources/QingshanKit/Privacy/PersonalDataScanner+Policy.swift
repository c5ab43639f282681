extension PersonalDataScanner {
    /// Errors for personal data in `text` (a Markdown page, a template, any published
    /// text file at the site-relative `path`), unless `policy` allows the file.
    public static func scan(_ text: String, path: String, lineOffset: Int = 0, policy: PersonalDataPolicy) -> [Diagnostic] {
        guard !policy.allows(file: path) else { return [] }
        return scan(text, path: path, lineOffset: lineOffset).map(\.diagnostic)
    }

    /// Errors for personal data in the cells of `dataset`, each at its cell's location,
    /// except in the columns (or the file) that `policy` allows.
    public static func scan(dataset: Dataset, policy: PersonalDataPolicy) -> [Diagnostic] {
        policy.diagnostics(for: dataset)
    }
}
