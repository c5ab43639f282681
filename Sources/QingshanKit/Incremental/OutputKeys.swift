import Foundation

/// The key of each output (pages first, then record pages, as `PageRenderer.outputs`):
/// a hash of everything its rendering reads (see `RenderKeys`).
struct OutputKeys: Sendable {
    /// What one output's layout adds to its key.
    struct Layout: Sendable {
        var hash: UInt64
        /// The layout reads every dataset (so any data edit renders it again).
        var readsAllData: Bool
    }

    let keys: RenderKeys
    let model: SiteModel
    let records: [CollectionPages.Entry]
    let datasets: [String: Dataset]
    /// By output index.
    let layouts: [Layout]
    /// Record pages listed on a page, by page path.
    let recordLinks: [String: [(title: String, output: String)]]
    /// By record index: a hash of the history its page shows (`RecordHistory.stableHash`), 0 for none.
    var recordHistories: [UInt64] = []

    /// The key of output `index`, given the datasets its last rendering showed.
    func key(_ index: Int, datasetsUsed: [String]) -> UInt64 {
        let layout = layouts[index]
        if index < model.pages.count {
            let page = model.pages[index]
            return keys.key(
                page: page, layoutHash: layout.hash, readsAllData: layout.readsAllData,
                datasetsUsed: datasetsUsed, records: recordLinks[page.pagePath])
        }
        let record = index - model.pages.count
        let key = keys.key(
            record: record, in: records, dataset: datasets[records[record].dataset]!,
            layoutHash: layout.hash, readsAllData: layout.readsAllData)
        guard recordHistories.indices.contains(record), recordHistories[record] != 0 else { return key }
        var hash = StableHash()
        hash.combine(key)
        hash.combine(recordHistories[record])
        return hash.value
    }
}
