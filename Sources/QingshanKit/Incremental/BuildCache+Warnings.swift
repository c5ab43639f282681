extension BuildCache {
    /// Keeps the warnings in `diagnostics` that no entry holds (a skipped source, a data
    /// or configuration warning), so that a build with nothing to do reports them again:
    /// a problem left in the sources is named on every build, not only on the one that
    /// first read it.
    mutating func keepSiteWarnings(of diagnostics: Diagnostics) {
        let held = Set(entries.values.flatMap(\.warnings).map(\.untranslated))
        warnings = diagnostics.filter { $0.severity == .warning && !held.contains($0.untranslated) }
    }
}

extension Diagnostic {
    /// Without its Chinese text, which the cache does not keep: a diagnostic read back
    /// from the cache equals the one the build made.
    fileprivate var untranslated: Diagnostic {
        var copy = self
        copy.message.zh = nil
        return copy
    }
}
