/// Collapses bursts of file changes into one rebuild.
///
/// Editors save in several steps (write a temporary file, rename it, touch the
/// original) and spreadsheets write lock and temporary files, so one save is many
/// events. The debouncer holds changes until the folder has been quiet for
/// `quietPeriod`, or until `maximumDelay` after the first change so a file that keeps
/// changing still gets built. Pure logic: the caller passes the time, so tests drive it
/// with made-up instants and never sleep.
public struct ChangeDebouncer<Instant: InstantProtocol>: Sendable where Instant.Duration == Duration {
    /// How long the folders must stay quiet before the pending changes are released.
    public var quietPeriod: Duration
    /// The longest a change waits, however busy the folders stay.
    public var maximumDelay: Duration

    private var pending: Set<String> = []
    private var firstChange: Instant?
    private var lastChange: Instant?

    public init(quietPeriod: Duration = .milliseconds(150), maximumDelay: Duration = .seconds(1)) {
        self.quietPeriod = quietPeriod
        self.maximumDelay = maximumDelay
    }

    /// Records changed paths (site-root-relative); editor temporaries are dropped.
    /// Returns whether any path was kept.
    @discardableResult
    public mutating func record(_ paths: some Sequence<String>, at now: Instant) -> Bool {
        let kept = paths.filter { !EditorTempFiles.isIgnored($0) }
        guard !kept.isEmpty else { return false }
        pending.formUnion(kept)
        if firstChange == nil { firstChange = now }
        lastChange = now
        return true
    }

    /// Whether changes are waiting.
    public var hasPending: Bool { !pending.isEmpty }

    /// When the pending changes are due, or `nil` when nothing waits.
    public var deadline: Instant? {
        guard let firstChange, let lastChange else { return nil }
        return min(lastChange.advanced(by: quietPeriod), firstChange.advanced(by: maximumDelay))
    }

    /// The pending paths, sorted, if they are due at `now`; the debouncer is then empty.
    public mutating func flush(at now: Instant) -> [String]? {
        guard let deadline, now >= deadline else { return nil }
        let batch = pending.sorted()
        pending = []
        firstChange = nil
        lastChange = nil
        return batch
    }
}
