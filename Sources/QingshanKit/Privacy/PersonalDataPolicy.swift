/// Where personal data may be published after all, each place with a stated reason.
///
/// Written in `site.yaml`:
///
/// ```yaml
/// personalData:
///   allow:
///     - file: content/pages/contacts.md
///       reason: 经本人同意公开的信访联系人
///     - column: villages.contact
///       reason: 村级公示联系人，公开电话
/// ```
///
/// Everything not allowed is blocked: a finding becomes an error.
public struct PersonalDataPolicy: Sendable, Hashable {
    /// One place where personal data may appear.
    public struct Allowance: Sendable, Hashable {
        public enum Target: Sendable, Hashable {
            /// A site-relative file path; a path ending in `/` allows a whole folder.
            case file(String)
            /// A dataset column, written `dataset.column` in `site.yaml`.
            case column(dataset: String, column: String)
        }

        public var target: Target
        /// Why this is published; required, so that an audit can read it.
        public var reason: String
        /// Where the allowance is written, for messages about it.
        public var location: SourceLocation?

        public init(target: Target, reason: String, location: SourceLocation? = nil) {
            self.target = target
            self.reason = reason
            self.location = location
        }
    }

    public var allowances: [Allowance]

    /// A policy that allows nothing: the default.
    public init(allowances: [Allowance] = []) {
        self.allowances = allowances
    }

    /// Whether findings in the site-relative `path` are allowed.
    public func allows(file path: String) -> Bool {
        allowances.contains { allowance in
            guard case .file(let allowed) = allowance.target else { return false }
            return allowed == path || (allowed.hasSuffix("/") && path.hasPrefix(allowed))
        }
    }

    /// Whether findings in column `column` of dataset `dataset` are allowed.
    public func allows(dataset: String, column: String) -> Bool {
        allowances.contains { $0.target == .column(dataset: dataset, column: column) }
    }

    /// Errors for the findings of the file at `path`, none when the file is allowed.
    public func diagnostics(for findings: [PersonalDataFinding], inFile path: String) -> [Diagnostic] {
        allows(file: path) ? [] : findings.map(\.diagnostic)
    }

    /// Errors for personal data in the cells of `dataset`, at each cell's location,
    /// except in allowed columns (or when the dataset's file is allowed as a whole).
    public func diagnostics(for dataset: Dataset) -> [Diagnostic] {
        guard !allows(file: dataset.path) else { return [] }
        let columns = Set(dataset.fields.map(\.name).filter { !allows(dataset: dataset.name, column: $0) })
        return diagnostics(for: Self.findings(in: dataset, columns: columns), in: dataset)
    }

    /// Errors for `findings` (from ``findings(in:columns:)``) of `dataset`, leaving out
    /// the allowed columns, or all of them when its file is allowed.
    func diagnostics(for findings: [(column: String, finding: PersonalDataFinding)], in dataset: Dataset) -> [Diagnostic] {
        guard !allows(file: dataset.path) else { return [] }
        return findings.filter { !allows(dataset: dataset.name, column: $0.column) }.map(\.finding.diagnostic)
    }

    /// Personal data in the cells of `dataset` (in `columns`, or all), by row and then by
    /// column, whatever a policy allows: the build keeps them while the dataset is unchanged.
    static func findings(in dataset: Dataset, columns: Set<String>? = nil) -> [(column: String, finding: PersonalDataFinding)] {
        var findings: [(column: String, finding: PersonalDataFinding)] = []
        let names = dataset.fields.map(\.name).filter { columns?.contains($0) ?? true }
        for row in dataset.rows {
            for column in names {
                let value = row[column]
                guard !value.isNull else { continue }
                // A cell's text is scanned on its own; the finding points at the cell,
                // since quoting in the source shifts columns inside it.
                let location = row.location(of: column)
                for finding in PersonalDataScanner.scan(value.description, path: dataset.path) {
                    var finding = finding
                    finding.location = location
                    findings.append((column, finding))
                }
            }
        }
        return findings
    }
}
