/// What kind of source a changed file is, for the one-line rebuild report
/// ("changed content/data/villages.csv (data)").
public enum ChangeKind: String, Sendable, Hashable, CaseIterable, Comparable {
    /// `content/site.yaml`: every page depends on it.
    case config
    /// A Markdown page under `content/pages/`.
    case page
    /// A dataset or Table Schema under `content/data/`, or a snapshot under `content/snapshots/`.
    case data
    /// A layout or partial, of the theme or of the site's overrides.
    case template
    /// A file copied as is: `content/static/**` and theme assets.
    case `static`
    /// Anything else under the watched folders.
    case other

    public static func < (lhs: ChangeKind, rhs: ChangeKind) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }

    /// "page" / "pages", for counts in the report.
    func label(count: Int) -> String {
        switch self {
        case .config: "config"
        case .data: "data"
        case .static: "static"
        case .other: count == 1 ? "other" : "others"
        case .page, .template: count == 1 ? rawValue : rawValue + "s"
        }
    }
}

/// Maps site-root-relative paths (`content/pages/goals.md`) to `ChangeKind`s, mirroring
/// the site layout in the README.
public enum ChangeClassifier {
    public static func kind(of path: String) -> ChangeKind {
        let parts = path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        guard let top = parts.first else { return .other }
        switch top {
        case "content":
            guard parts.count >= 2 else { return .other }
            if parts.count == 2 { return parts[1] == "site.yaml" ? .config : .other }
            switch parts[1] {
            case "pages": return .page
            // A snapshot is the data as published before (`qingshan snapshot`).
            case "data", "snapshots": return .data
            case "static": return .static
            // Overrides of theme files: `content/templates/assets/**` is copied, the rest is rendered.
            case "templates": return parts.count >= 4 && parts[2] == "assets" ? .static : .template
            default: return .other
            }
        case "site-templates":
            // site-templates/<theme>/assets/** is copied as is; layouts and partials are templates.
            if parts.count >= 4 && parts[2] == "assets" { return .static }
            return parts.count >= 3 ? .template : .other
        default:
            return .other
        }
    }

    /// Counts per kind, in `ChangeKind` order.
    public static func counts(of paths: some Sequence<String>) -> [(kind: ChangeKind, count: Int)] {
        var counts: [ChangeKind: Int] = [:]
        for path in paths { counts[kind(of: path), default: 0] += 1 }
        return counts.keys.sorted().map { ($0, counts[$0]!) }
    }

    /// One phrase for a batch of changes: the file itself when there is one
    /// ("content/data/villages.csv (data)"), counts per kind otherwise
    /// ("3 files: 2 pages, 1 data").
    public static func summary(of paths: [String]) -> String {
        let unique = Array(Set(paths)).sorted()
        switch unique.count {
        case 0: return "nothing"
        case 1: return "\(unique[0]) (\(kind(of: unique[0]).rawValue))"
        default:
            let parts = counts(of: unique).map { "\($0.count) \($0.kind.label(count: $0.count))" }
            return "\(unique.count) files: " + parts.joined(separator: ", ")
        }
    }
}
