/// Pages made from the rows of a dataset (`collections:` in `site.yaml`).
struct CollectionPages {
    /// One generated page: a synthetic `Page` (so breadcrumbs, navigation and layout
    /// work as for Markdown pages) and the row it shows.
    struct Entry: Sendable {
        var page: Page
        var dataset: String
        var row: Int
        var collection: Int
        /// The row's fields that place it in a group (see ``RecordSummary``): its page links
        /// them to the list, so they are part of what the page shows beyond its own row.
        var groupingFields: [String] = []
    }

    /// Plans every collection page, reporting unknown datasets and fields, unsafe path
    /// values and rows that map to the same output path.
    static func plan(config: SiteConfig, datasets: [String: Dataset], taken: [String: String]) -> ([Entry], [Diagnostic]) {
        var entries: [Entry] = []
        var diagnostics: [Diagnostic] = []
        var owners = taken
        for (collectionIndex, collection) in config.collections.enumerated() {
            guard let dataset = datasets[collection.dataset] else {
                diagnostics.append(.error(.unknownCollectionDataset(collection.dataset), at: collection.location))
                continue
            }
            let parentFolder = collection.parent.map { Page.folder(ofPagePath: $0) } ?? ""
            if let sort = collection.sort, dataset.field(named: sort) == nil {
                diagnostics.append(.error(.unknownCollectionField(sort, dataset: dataset.name), at: collection.location))
                continue
            }
            let grouping = RecordSummary.groupingFields(in: dataset)
            rows: for rowIndex in rowOrder(of: dataset, by: collection.sort, datasets: datasets) {
                let row = dataset.rows[rowIndex]
                var problem: Diagnostic?
                let path = CollectionConfig.expand(collection.pathPattern) { name in
                    guard dataset.field(named: name) != nil else { return nil }
                    let text = row[name].description
                    if text.isEmpty || text.contains("/") || text.hasPrefix(".") {
                        problem = .error(.invalidCollectionPath(text, field: name), at: row.location(of: name))
                    }
                    return text
                }
                let title = CollectionConfig.expand(collection.titlePattern ?? "{\(dataset.fields.first?.name ?? "")}") { name in
                    dataset.field(named: name) != nil ? row[name].description : nil
                }
                switch (path, title) {
                case (.failure(let unknown), _), (_, .failure(let unknown)):
                    diagnostics.append(.error(.unknownCollectionField(unknown.name, dataset: dataset.name), at: collection.location))
                    break rows
                case (.success(let output), .success(let title)):
                    if let problem {
                        diagnostics.append(problem)
                        continue rows
                    }
                    if let other = owners[output] {
                        diagnostics.append(.error(.collectionPathCollision(output, other: other), at: row.location))
                        continue rows
                    }
                    owners[output] = row.location.description
                    var matter = FrontMatter()
                    matter.title = title
                    matter.layout = collection.layout
                    let pagePath = (parentFolder.isEmpty ? "" : parentFolder + "/") + "\(dataset.name)-\(rowIndex).record"
                    let page = Page(sourcePath: dataset.path, pagePath: pagePath, outputPath: output, frontMatter: matter, body: "", bodyLineOffset: 0)
                    entries.append(
                        Entry(
                            page: page, dataset: dataset.name, row: rowIndex, collection: collectionIndex,
                            groupingFields: grouping[rowIndex]))
                }
            }
        }
        return (entries, diagnostics)
    }

    /// Row indices in the order of field `sort` (stable), or as they are.
    static func rowOrder(of dataset: Dataset, by sort: String?, datasets: [String: Dataset]) -> [Int] {
        guard let sort else { return Array(dataset.rows.indices) }
        let order = TextOrder.of(field: sort, in: dataset, datasets: datasets)
        return dataset.rows.indices.sorted { a, b in
            let x = dataset.rows[a][sort]
            let y = dataset.rows[b][sort]
            if order.ascending(x, y) { return true }
            if order.ascending(y, x) { return false }
            return a < b
        }
    }

    /// The values a record layout sees besides the usual ones: `record`, `previous`,
    /// `next` and `back`.
    static func values(for index: Int, in entries: [Entry], dataset: Dataset, model: SiteModel, parent: String?) -> [String: TemplateValue] {
        let entry = entries[index]
        let row = dataset.rows[entry.row]
        let root = SitePaths.root(of: entry.page.outputPath)
        let fields: [TemplateValue] = dataset.fields.map { field in
            var value: [String: TemplateValue] = ["name": .string(field.name), "title": .string(field.title), "value": .string(row[field.name].description)]
            if let unit = field.unit { value["unit"] = .string(unit) }
            // A list field shows as a list: `{{#list}}{{#items}}<li>{{text}}</li>{{/items}}{{/list}}`.
            if case .list(let items) = row[field.name] {
                value["list"] = .bool(true)
                value["items"] = .list(items.map { ["text": .string($0.description)] })
            }
            return .map(value)
        }
        var record: [String: TemplateValue] = ["fields": .list(fields), "caption": .string("\(entry.page.frontMatter.title)：\(dataset.title)")]
        for field in dataset.fields { record[field.name] = row[field.name].templateValue }
        let parentURL = parent.flatMap { model.pageIndexByPath[$0] }.map { root + model.pages[$0].outputPath }
        let summary = RecordSummary(
            dataset: dataset, row: row, grouping: Set(entry.groupingFields), listURL: parentURL,
            titleFields: titleFields(model.config.collections[entry.collection], dataset: dataset))
        record["summary"] = .map(summary.values())
        var values: [String: TemplateValue] = ["record": .map(record)]
        func neighbour(_ other: Int) -> TemplateValue? {
            guard entries.indices.contains(other), entries[other].collection == entry.collection else { return nil }
            return ["title": .string(entries[other].page.frontMatter.title), "url": .string(root + entries[other].page.outputPath)]
        }
        if let previous = neighbour(index - 1) { values["previous"] = previous }
        if let next = neighbour(index + 1) { values["next"] = next }
        if let parent, let parentIndex = model.pageIndexByPath[parent] {
            let page = model.pages[parentIndex]
            values["back"] = ["title": .string(page.frontMatter.title), "url": .string(root + page.outputPath)]
        }
        return values
    }

    /// The fields a collection's title pattern names (`{name}`), or the first field by default.
    static func titleFields(_ collection: CollectionConfig, dataset: Dataset) -> Set<String> {
        var names: Set<String> = []
        _ = CollectionConfig.expand(collection.titlePattern ?? "{\(dataset.fields.first?.name ?? "")}") { name in
            names.insert(name)
            return ""
        }
        return names
    }

    /// The text the search index holds for a record: every field's title and value.
    static func searchText(dataset: Dataset, row: Int) -> String {
        dataset.fields.map { "\($0.title) \(dataset.rows[row][$0.name].description)" }.joined(separator: " ")
    }
}
