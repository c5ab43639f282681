/// Turns a fenced data block in Markdown (```` ```chart ````, `table`, `progress`,
/// `timeline`, `stat`) whose body is YAML options into semantic HTML and inline ChartSVG.
///
/// Every problem is a positioned ``Diagnostic`` in the Markdown file: YAML line *k* of
/// the body is line `bodyStart.line + k - 1`, and columns (UTF-8 bytes) are shifted by
/// the fence's indentation, `bodyStart.column - 1`. Problems with the block as a whole
/// (a missing `source`) point at the opening fence, the line above `bodyStart`.
///
/// Element ids derive from the body's line (`qs-block-12`), so they are unique on a page
/// and the same on every build.
public struct DataBlockRenderer: Sendable {
    /// The info-string words that make a fenced block a data block.
    public static let viewNames: Set<String> = ["table", "chart", "progress", "timeline", "stat"]

    public var datasets: [String: Dataset]
    /// The data as published before, for trends (`over: snapshots`).
    public var snapshots = SnapshotArchive()

    /// - Parameter datasets: every dataset of the site, by name.
    public init(datasets: [String: Dataset], snapshots: SnapshotArchive = SnapshotArchive()) {
        self.datasets = datasets
        self.snapshots = snapshots
    }

    /// Renders one block.
    /// - Parameters:
    ///   - view: the info string's first word.
    ///   - info: the whole info string (words after the view are ignored for now).
    ///   - body: the block's content, the YAML options.
    ///   - bodyStart: the position of the body's first line; its column is the fence indentation + 1.
    public func render(view: String, info: String, body: String, bodyStart: SourceLocation) -> DataBlockResult {
        var diagnostics = Diagnostics()
        let yaml = BlockYAML(body: body, bodyStart: bodyStart)
        guard Self.viewNames.contains(view) else {
            diagnostics.error(
                .dataBlockUnknownView(view), at: yaml.fenceLocation,
                notes: ["data views: \(Self.viewNames.sorted().joined(separator: ", "))"])
            return DataBlockResult(html: "", diagnostics: diagnostics.items, datasetsUsed: [], usesSample: false)
        }
        guard let options = DataBlockOptions.parse(view: view, yaml: yaml, diagnostics: &diagnostics),
            let source = options.source
        else {
            return DataBlockResult(html: "", diagnostics: diagnostics.items, datasetsUsed: [], usesSample: false)
        }
        guard let dataset = datasets[source.value] else {
            diagnostics.error(
                .dataBlockUnknownSource(source.value), at: source.location,
                notes: ["datasets: \(datasets.keys.sorted().joined(separator: ", "))"])
            return DataBlockResult(html: "", diagnostics: diagnostics.items, datasetsUsed: [], usesSample: false)
        }
        let query = DataQuery(dataset: dataset, options: options, fence: yaml.fenceLocation, datasets: datasets)
        let id = "qs-block-\(bodyStart.line ?? 0)"
        let html: String? =
            switch view {
            case "table": Self.table(query, id: id, diagnostics: &diagnostics)
            case "chart" where options.overSnapshots: trend(query, id: id, diagnostics: &diagnostics)
            case "chart": Self.chart(query, id: id, diagnostics: &diagnostics)
            case "progress": Self.progress(query, id: id, diagnostics: &diagnostics)
            case "timeline": Self.timeline(query, id: id, diagnostics: &diagnostics)
            default: Self.stat(query, id: id, diagnostics: &diagnostics)
            }
        // A referenced dataset orders the block's rows (its `foreignKeys`): it is read too.
        var referenced = dataset.schema?.foreignKeys.map(\.resource).filter { datasets[$0] != nil } ?? []
        // A trend reads the snapshots too: their hash stands in the page's key under this name.
        if options.overSnapshots { referenced.append(SnapshotArchive.usageName(of: dataset.name)) }
        return DataBlockResult(
            html: diagnostics.hasErrors ? "" : (html ?? ""), diagnostics: diagnostics.items,
            datasetsUsed: Set([dataset.name] + referenced), usesSample: dataset.sample)
    }

    static func table(_ query: DataQuery, id: String, diagnostics: inout Diagnostics) -> String? {
        guard let table = query.table(diagnostics: &diagnostics) else { return nil }
        let caption = query.options.title ?? query.dataset.title
        var out = "<div class=\"qs-block qs-table-block\">\n"
        var describedBy: String?
        if let description = query.options.description {
            describedBy = "\(id)-desc"
            out += "<p class=\"qs-block-description\" id=\"\(id)-desc\">\(description.htmlEscaped)</p>\n"
        }
        // Only the table scrolls sideways (its first column frozen by the theme); the
        // region is focusable so that a keyboard can scroll it too.
        out += "<div class=\"qs-table-scroll\" role=\"region\" tabindex=\"0\" aria-label=\"\(caption.htmlEscaped)\">\n"
        out += TableRenderer.html(table, caption: caption, id: id, sortable: true, describedBy: describedBy)
        return out + "\n</div>\n</div>\n"
    }

    /// A figure: caption (with the chart's unit), the SVG, and its data table in `<details>`.
    static func figure(id: String, title: String, unit: String?, description: String?, svg: String, table: ResultTable)
        -> String
    {
        var out = "<figure class=\"qs-block qs-figure\" id=\"\(id)\">\n"
        out += "<figcaption>\(title.htmlEscaped)"
        if let unit { out += "<span class=\"qs-unit\">（单位：\(unit.htmlEscaped)）</span>" }
        out += "</figcaption>\n"
        if let description { out += "<p class=\"qs-block-description\">\(description.htmlEscaped)</p>\n" }
        out += svg + "\n"
        out += "<details class=\"qs-data-table\"><summary>数据表</summary>\n"
        out += TableRenderer.html(table, caption: title, id: nil, sortable: false)
        return out + "\n</details>\n</figure>\n"
    }

    static func stat(_ query: DataQuery, id: String, diagnostics: inout Diagnostics) -> String? {
        let errorsBefore = diagnostics.errorCount
        let options = query.options
        let rows = query.filteredRows(diagnostics: &diagnostics)
        let field = options.value.flatMap { query.field($0, diagnostics: &diagnostics) }
        var value = DataValue.integer(rows.count)
        var format = options.format
        var unit = options.unit
        if options.aggregate != nil {
            guard let measure = query.measure(fallback: options.value, diagnostics: &diagnostics) else { return nil }
            value = DataQuery.evaluate(measure, over: rows)
            let column = query.column(for: measure)
            format = format ?? column.format
            unit = unit ?? format?.unit(fieldUnit: column.fieldUnit)
        } else if let field {
            value = rows.first?[field.name] ?? .null
            format = format ?? ValueFormat.natural(for: field)
            unit = unit ?? format?.unit(fieldUnit: field.unit)
        } else {
            format = format ?? .integer
        }
        guard diagnostics.errorCount == errorsBefore else { return nil }
        let text = (format ?? .number).cell(value, decimals: options.decimals ?? field?.decimals)
        let label = options.label?.value ?? options.title ?? query.dataset.title
        var out = "<figure class=\"qs-block qs-stat\" id=\"\(id)\">\n<p class=\"qs-stat-figure\">"
        out += "<data class=\"qs-stat-value\" value=\"\(value.attributeValue.htmlEscaped)\">\(text.htmlEscaped)</data>"
        if let unit { out += "<span class=\"qs-stat-unit\">\(unit.htmlEscaped)</span>" }
        out += "</p>\n<figcaption class=\"qs-stat-label\">\(label.htmlEscaped)</figcaption>\n"
        if let description = options.description {
            out += "<p class=\"qs-block-description\">\(description.htmlEscaped)</p>\n"
        }
        return out + "</figure>\n"
    }
}
