import Foundation
import Yams

extension PersonalDataPolicy {
    /// One `allow` entry before validation: its keys, values and their positions.
    struct RawEntry {
        var fields: [(key: String, value: String, location: SourceLocation?)]
        var location: SourceLocation?
    }

    /// The policy from plain entries such as `[["file": "a.md", "reason": "…"]]`;
    /// every problem is reported at `location` (plain dictionaries carry no positions).
    /// Invalid entries are left out of the policy, so they allow nothing.
    public static func parse(
        _ entries: [[String: String]], at location: SourceLocation?
    ) -> (policy: PersonalDataPolicy, diagnostics: [Diagnostic]) {
        let raw = entries.map { entry in
            RawEntry(fields: entry.keys.sorted().map { ($0, entry[$0]!, location) }, location: location)
        }
        return parse(raw)
    }

    /// The policy from the `personalData` node of `site.yaml` (a mapping with an `allow`
    /// sequence). `path` names `site.yaml` relative to the site root; `source` is its text,
    /// used to turn libYAML's scalar columns into UTF-8 byte columns.
    static func parse(
        node: Node, path: String, source: String? = nil
    ) -> (policy: PersonalDataPolicy, diagnostics: [Diagnostic]) {
        let converter = YAMLPosition(path: path, source: source)
        guard let mapping = node.mapping else {
            return (PersonalDataPolicy(), [.error(.personalDataPolicyShape("a mapping with an `allow` list"), at: converter.location(of: node))])
        }
        var diagnostics: [Diagnostic] = []
        var raw: [RawEntry] = []
        for (key, value) in mapping {
            guard key.string == "allow" else {
                diagnostics.append(.error(.personalDataAllowanceKey(key.string ?? ""), at: converter.location(of: key)))
                continue
            }
            guard let sequence = value.sequence else {
                diagnostics.append(.error(.personalDataPolicyShape("a list under `allow`"), at: converter.location(of: value)))
                continue
            }
            for item in sequence {
                guard let entry = item.mapping else {
                    diagnostics.append(.error(.personalDataPolicyShape("a list of mappings under `allow`"), at: converter.location(of: item)))
                    continue
                }
                let fields = entry.map { (key: $0.key.string ?? "", value: $0.value.string ?? "", location: converter.location(of: $0.key)) }
                raw.append(RawEntry(fields: fields, location: converter.location(of: item)))
            }
        }
        let (policy, more) = parse(raw)
        return (policy, diagnostics + more)
    }

    static func parse(_ entries: [RawEntry]) -> (policy: PersonalDataPolicy, diagnostics: [Diagnostic]) {
        var allowances: [Allowance] = []
        var diagnostics: [Diagnostic] = []
        for entry in entries {
            var file: String?
            var column: String?
            var reason: String?
            var valid = true
            for field in entry.fields {
                switch field.key {
                case "file": file = field.value
                case "column": column = field.value
                case "reason": reason = field.value
                default:
                    diagnostics.append(.error(.personalDataAllowanceKey(field.key), at: field.location ?? entry.location))
                    valid = false
                }
            }
            let target: Allowance.Target?
            switch (file, column) {
            case (let file?, nil) where !file.isEmpty:
                target = .file(file.hasPrefix("./") ? String(file.dropFirst(2)) : file)
            case (nil, let column?):
                // `dataset.column`: the dataset name never contains a dot (it is a file name
                // without its extension), a column name might.
                let parts = column.split(separator: ".", maxSplits: 1)
                target = parts.count == 2 ? .column(dataset: String(parts[0]), column: String(parts[1])) : nil
            default:
                target = nil
            }
            if target == nil {
                diagnostics.append(.error(.personalDataAllowanceTarget, at: entry.location))
                valid = false
            }
            let trimmedReason = reason?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            if trimmedReason.isEmpty {
                diagnostics.append(
                    .error(.personalDataAllowanceReason, at: entry.location, notes: ["say why publishing it is lawful, e.g. the person agreed"]))
                valid = false
            }
            if valid, let target {
                allowances.append(Allowance(target: target, reason: trimmedReason, location: entry.location))
            }
        }
        return (PersonalDataPolicy(allowances: allowances), diagnostics)
    }
}

/// Turns a Yams `Mark` (1-based line, column in Unicode scalars) into a `SourceLocation`
/// (column in UTF-8 bytes), reading the line from the YAML source when it is given.
struct YAMLPosition {
    var path: String
    var lines: [Substring]?

    init(path: String, source: String?) {
        self.path = path
        self.lines = source?.split(separator: "\n", omittingEmptySubsequences: false)
    }

    func location(of node: Node) -> SourceLocation {
        guard let mark = node.mark else { return SourceLocation(path: path) }
        guard let lines, mark.line - 1 < lines.count else {
            return SourceLocation(path: path, line: mark.line, column: mark.column)
        }
        let scalars = lines[mark.line - 1].unicodeScalars.prefix(max(0, mark.column - 1))
        let bytes = scalars.reduce(0) { $0 + UTF8.width($1) }
        return SourceLocation(path: path, line: mark.line, column: bytes + 1)
    }
}
