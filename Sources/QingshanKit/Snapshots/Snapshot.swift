/// The data as published on one date: `content/snapshots/YYYY-MM-DD/`, one canonical file
/// per dataset (`NAME.csv`, or `NAME.json` when a field holds lists or mappings) and
/// `snapshot.yaml` with the editor's note. Recorded by `qingshan snapshot`, committed
/// with the site: a build compares the current data with them, so it stays a pure
/// function of `content/`.
public struct Snapshot: Sendable, Hashable {
    /// `YYYY-MM-DD`, the folder's name.
    public var date: String
    /// The note given with `--note`, if any.
    public var note: String?
    /// The datasets as recorded, typed by today's schema where field names match.
    public var datasets: [String: Dataset]
    /// A hash of the snapshot's files, for the build's output keys.
    var sourceHash: UInt64 = 0

    public init(date: String, note: String? = nil, datasets: [String: Dataset]) {
        self.date = date
        self.note = note
        self.datasets = datasets
    }

    /// Where snapshots live, relative to the site root.
    public static let folder = "content/snapshots"
    /// The note file in each snapshot folder.
    public static let noteFile = "snapshot.yaml"

    /// `2021-06-30` → `2021年6月30日`.
    public var dateText: String { Self.chineseDate(date) }

    static func chineseDate(_ iso: String) -> String {
        let parts = iso.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return iso }
        return "\(parts[0])年\(parts[1])月\(parts[2])日"
    }

    /// Whether `text` is a real calendar date written `YYYY-MM-DD`.
    public static func isDate(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard text.utf8.count == 10, parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]), (1...12).contains(month), day >= 1
        else { return false }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
        return day <= days
    }
}

/// Every snapshot of a site, oldest first, with what the build derives from them.
public struct SnapshotArchive: Sendable, Hashable {
    public var snapshots: [Snapshot]

    public init(snapshots: [Snapshot] = []) {
        self.snapshots = snapshots.sorted { $0.date < $1.date }
    }

    public var latest: Snapshot? { snapshots.last }
    public var isEmpty: Bool { snapshots.isEmpty }

    /// A hash of what the snapshots hold of dataset `name`: the part of a page's key that
    /// stands for its histories and trends.
    func hash(of name: String) -> UInt64 {
        var hash = StableHash()
        for snapshot in snapshots {
            hash.combine(snapshot.date)
            hash.combine(snapshot.note ?? "")
            guard let dataset = snapshot.datasets[name] else { continue }
            hash.combine(dataset.sourceHash)
        }
        return hash.value
    }

    /// What a page that reads the snapshots of dataset `name` lists among the datasets it
    /// used, so that its key holds `hash(of:)`.
    public static func usageName(of name: String) -> String { "(snapshots)/" + name }

    /// A hash of every snapshot.
    var hash: UInt64 {
        var hash = StableHash()
        for snapshot in snapshots {
            hash.combine(snapshot.date)
            hash.combine(snapshot.sourceHash)
        }
        return hash.value
    }
}
