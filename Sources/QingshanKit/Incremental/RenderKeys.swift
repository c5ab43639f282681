import Foundation

/// The build-cache keys of a site's pages: a hash of everything rendering a page reads.
struct RenderKeys {
    private let base: UInt64
    private let structure: UInt64
    private let datasetHashes: [String: UInt64]
    private let allDatasets: UInt64
    private let textHashes: [String: UInt64]
    /// By dataset name: its columns and the schema parts a record's summary reads, the
    /// same for every record page of the dataset (hashed once, not once per record).
    private let recordSchemaHashes: [String: UInt64]

    /// - Parameter configText: the bytes of `site.yaml` (every setting can show on every page).
    /// - Parameter textHashes: the hash of each page file's text by source path
    ///   (`ParsedPage.textHash`), which stands for the page's front matter and body.
    /// - Parameter snapshots: what trends read beside the datasets (`SnapshotArchive.usageName`).
    init(
        configText: Data, model: SiteModel, datasets: [String: Dataset], snapshots: SnapshotArchive = SnapshotArchive(), otherOutputs: [String],
        textHashes: [String: UInt64] = [:]
    ) {
        self.textHashes = textHashes
        var baseHash = StableHash()
        baseHash.combine(BuildCache.formatVersion)
        baseHash.combine(bytes: configText)
        base = baseHash.value

        // The structure every page can show: navigation targets, breadcrumbs, section
        // lists, latest updates, and which files exist for links to resolve against.
        var structureHash = StableHash()
        for page in model.pages {
            let matter = page.frontMatter
            for part in [page.pagePath, page.outputPath, matter.title, matter.date ?? "", matter.lastmod ?? "", matter.summary, matter.layout ?? ""] {
                structureHash.combine(part)
            }
            structureHash.combine(matter.weight)
        }
        for output in otherOutputs.sorted() { structureHash.combine(output) }
        structure = structureHash.value

        var hashes: [String: UInt64] = [:]
        var all = StableHash()
        for name in datasets.keys.sorted() {
            let hash = Self.hash(datasets[name]!)
            hashes[name] = hash
            all.combine(name)
            all.combine(hash)
        }
        for name in datasets.keys { hashes[SnapshotArchive.usageName(of: name)] = snapshots.hash(of: name) }
        datasetHashes = hashes
        allDatasets = all.value
        recordSchemaHashes = datasets.mapValues(Self.recordSchemaHash)
    }

    private static func recordSchemaHash(_ dataset: Dataset) -> UInt64 {
        var hash = StableHash()
        combineColumns(of: dataset, into: &hash)
        combineSummarySchema(of: dataset, into: &hash)
        return hash.value
    }

    /// The key of a Markdown page, given the datasets its data blocks read.
    func key(page: Page, layoutHash: UInt64, readsAllData: Bool, datasetsUsed: [String], records: [(title: String, output: String)]?) -> UInt64 {
        var hash = start(layoutHash: layoutHash, readsAllData: readsAllData)
        hash.combine(page.sourcePath)
        if let text = textHashes[page.sourcePath] {
            // Front matter, body and line offset all come from the file's text, already
            // hashed when it was read: hashing them again was most of computing keys.
            hash.combine(text)
        } else {
            let matter = page.frontMatter
            for part in [matter.title, matter.date ?? "", matter.lastmod ?? "", matter.summary, matter.slug ?? "", matter.layout ?? ""] {
                hash.combine(part)
            }
            hash.combine(matter.weight)
            for key in matter.params.keys.sorted() {
                hash.combine(key)
                hash.combine(matter.params[key]!.description)
            }
            hash.combine(page.bodyLineOffset)
            hash.combine(page.body)
        }
        for name in datasetsUsed.sorted() {
            hash.combine(name)
            hash.combine(datasetHashes[name] ?? 0)
        }
        for record in records ?? [] {
            hash.combine(record.title)
            hash.combine(record.output)
        }
        return hash.value
    }

    /// The key of a collection page: its row, its neighbours, its dataset's columns, and what
    /// its summary reads beyond the row (the schema's enums and keys, which fields group rows).
    func key(record index: Int, in records: [CollectionPages.Entry], dataset: Dataset, layoutHash: UInt64, readsAllData: Bool) -> UInt64 {
        var hash = start(layoutHash: layoutHash, readsAllData: readsAllData)
        let entry = records[index]
        hash.combine(entry.page.outputPath)
        hash.combine(entry.page.frontMatter.title)
        hash.combine(entry.page.folder)
        hash.combine(recordSchemaHashes[dataset.name] ?? Self.recordSchemaHash(dataset))
        for field in dataset.fields { hash.combine(dataset.rows[entry.row][field.name].description) }
        for name in entry.groupingFields { hash.combine(name) }
        for neighbour in [index - 1, index + 1] where records.indices.contains(neighbour) && records[neighbour].collection == entry.collection {
            hash.combine(records[neighbour].page.frontMatter.title)
            hash.combine(records[neighbour].page.outputPath)
        }
        return hash.value
    }

    private func start(layoutHash: UInt64, readsAllData: Bool) -> StableHash {
        var hash = StableHash()
        hash.combine(base)
        hash.combine(structure)
        hash.combine(layoutHash)
        if readsAllData { hash.combine(allDatasets) }
        return hash
    }

    private static func combineColumns(of dataset: Dataset, into hash: inout StableHash) {
        hash.combine(dataset.name)
        hash.combine(dataset.title)
        hash.combine(dataset.sample)
        for field in dataset.fields {
            for part in [field.name, field.type.rawValue, field.title, field.unit ?? ""] { hash.combine(part) }
            hash.combine(field.decimals ?? -1)
        }
    }

    /// The parts of a schema a record's summary reads: enums, keys.
    private static func combineSummarySchema(of dataset: Dataset, into hash: inout StableHash) {
        guard let schema = dataset.schema else { return hash.combine(0) }
        for field in schema.fields {
            hash.combine(field.name)
            for value in field.constraints.enumValues ?? [] { hash.combine(value) }
            hash.combine(field.constraints.enumValues?.count ?? -1)
        }
        for key in schema.primaryKey { hash.combine(key) }
        for key in schema.foreignKeys { hash.combine(key.fields.joined(separator: ",") + "→" + key.resource) }
    }

    static func hash(_ dataset: Dataset) -> UInt64 {
        var hash = StableHash()
        // Loaded from files: its content is a function of their bytes.
        if dataset.sourceHash != 0 {
            hash.combine(dataset.sourceHash)
            return hash.value
        }
        combineColumns(of: dataset, into: &hash)
        for row in dataset.rows {
            for field in dataset.fields { hash.combine(row[field.name].description) }
        }
        return hash.value
    }
}
