/// What `build --watch` and `serve` have already shown in this run, so that a standing
/// note or warning ("no baseURL", "no licence") appears once per run, not after every
/// rebuild. It is shown again when its own file changed; errors are always shown, until
/// they are fixed.
public struct ShownDiagnostics: Sendable {
    private var shown: Set<String> = []

    public init() {}

    /// `diagnostics` without the notes and warnings already shown about files not in `changes`.
    public mutating func fresh(_ diagnostics: Diagnostics, changes: [String]) -> Diagnostics {
        let changed = Set(changes)
        return Diagnostics(
            diagnostics.items.filter { diagnostic in
                guard diagnostic.severity != .error else { return true }
                let key = "\(diagnostic.location?.description ?? "")|\(diagnostic.message.id)|\(diagnostic.message.text)"
                let isNew = shown.insert(key).inserted
                return isNew || diagnostic.location.map { changed.contains($0.path) } == true
            })
    }
}
