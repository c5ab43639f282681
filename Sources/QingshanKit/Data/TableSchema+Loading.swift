import Yams

extension TableSchema {
    /// Reads a schema from its decoded text; problems come back as diagnostics, and a schema
    /// is returned whenever its fields could be read, so data checks still run.
    static func load(utf8: [UInt8], path: String, isJSON: Bool) -> (schema: TableSchema?, diagnostics: [Diagnostic]) {
        let document: YAMLDocument
        do {
            document = try YAMLDocument(utf8: utf8, path: path, isJSON: isJSON)
        } catch {
            guard case .diagnostic(let diagnostic) = error else { return (nil, []) }
            return (nil, [diagnostic])
        }
        var reader = SchemaReader(document: document)
        let schema = reader.read()
        return (schema, reader.diagnostics)
    }
}

/// Walks a schema's nodes, collecting every problem instead of stopping at the first.
private struct SchemaReader {
    let document: YAMLDocument
    var diagnostics: [Diagnostic] = []

    init(document: YAMLDocument) { self.document = document }

    mutating func read() -> TableSchema? {
        guard let root = document.root, case .mapping(let mapping) = root else {
            diagnostics.append(.error(.schemaInvalid("expected a mapping with `fields`"), at: document.root.map(document.location(of:)) ?? SourceLocation(path: document.path)))
            return nil
        }
        var schema = TableSchema(path: document.path)
        schema.title = mapping["title"]?.scalarText
        schema.description = mapping["description"]?.scalarText
        schema.recordUnit = mapping["recordUnit"]?.scalarText
        schema.sample = boolean(mapping["sample"], key: "sample") ?? false
        schema.publish = boolean(mapping["publish"], key: "publish") ?? true
        schema.encoding = mapping["encoding"]?.scalarText
        guard let fields = mapping["fields"], case .sequence(let items) = fields else {
            diagnostics.append(.error(.schemaInvalid("`fields` must be a list of fields"), at: document.location(of: mapping["fields"] ?? root)))
            return nil
        }
        for item in items {
            if let field = readField(item) {
                if schema.field(named: field.name) != nil {
                    diagnostics.append(.error(.schemaInvalid("field '\(field.name)' is declared twice"), at: field.location))
                } else {
                    schema.fields.append(field)
                }
            }
        }
        if let key = mapping["primaryKey"] {
            schema.primaryKey = names(key)
            check(schema.primaryKey, declaredIn: schema, key: "primaryKey", at: key)
        }
        if let keys = mapping["foreignKeys"] {
            guard case .sequence(let list) = keys else {
                diagnostics.append(.error(.schemaInvalid("`foreignKeys` must be a list"), at: document.location(of: keys)))
                return schema
            }
            for node in list {
                guard let fields = node["fields"], let reference = node["reference"] else {
                    diagnostics.append(.error(.schemaInvalid("a foreign key needs `fields` and `reference`"), at: document.location(of: node)))
                    continue
                }
                let key = TableSchema.ForeignKey(
                    fields: names(fields), resource: reference["resource"]?.scalarText ?? "",
                    referenceFields: reference["fields"].map(names) ?? [], location: document.location(of: node))
                check(key.fields, declaredIn: schema, key: "foreignKeys", at: fields)
                if key.fields.count != key.referenceFields.count {
                    diagnostics.append(.error(.schemaInvalid("a foreign key's `fields` and `reference.fields` must have the same length"), at: key.location))
                    continue
                }
                schema.foreignKeys.append(key)
            }
        }
        if let dialect = mapping["dialect"] { schema.dialect = readDialect(dialect) }
        if let totals = mapping["totals"] {
            guard let field = totals["field"]?.scalarText, let label = totals["label"]?.scalarText,
                let sum = totals["sum"]
            else {
                diagnostics.append(.error(.schemaInvalid("`totals` needs `field`, `label` and `sum`"), at: document.location(of: totals)))
                return schema
            }
            let value = TableSchema.Totals(field: field, label: label, sum: names(sum), location: document.location(of: totals))
            check([field] + value.sum, declaredIn: schema, key: "totals", at: totals)
            schema.totals = value
        }
        return schema
    }

    private mutating func readField(_ node: Node) -> TableSchema.Field? {
        let location = document.location(of: node)
        guard case .mapping = node, let name = node["name"]?.scalarText, !name.isEmpty else {
            diagnostics.append(.error(.schemaInvalid("each field needs a `name`"), at: location))
            return nil
        }
        var type = DataField.FieldType.string
        if let typeNode = node["type"], let text = typeNode.scalarText {
            if let known = DataField.FieldType(rawValue: text) {
                type = known
            } else {
                diagnostics.append(.error(.schemaUnknownType(text), at: document.location(of: typeNode)))
            }
        }
        var constraints = TableSchema.Constraints()
        if let c = node["constraints"] {
            constraints.required = boolean(c["required"], key: "required") ?? false
            constraints.unique = boolean(c["unique"], key: "unique") ?? false
            constraints.enumValues = c["enum"].map(names)
            constraints.minimum = c["minimum"]?.scalarText
            constraints.maximum = c["maximum"]?.scalarText
            if let pattern = c["pattern"] {
                constraints.pattern = pattern.scalarText
                if let text = pattern.scalarText, (try? Regex(text)) == nil {
                    diagnostics.append(.error(.schemaInvalid("pattern \(text) is not a valid regular expression"), at: document.location(of: pattern)))
                    constraints.pattern = nil
                }
            }
        }
        var decimals: Int?
        if let node = node["decimals"] {
            decimals = node.scalarText.flatMap { Int($0) }
            if decimals == nil || decimals! < 0 {
                diagnostics.append(.error(.schemaInvalid("`decimals` must be a whole number ≥ 0"), at: document.location(of: node)))
                decimals = nil
            }
        }
        return TableSchema.Field(
            name: name, type: type, title: node["title"]?.scalarText, description: node["description"]?.scalarText,
            format: node["format"]?.scalarText, unit: node["unit"]?.scalarText, decimals: decimals,
            constraints: constraints, location: location)
    }

    /// `dialect: {sheetName, sheetNumber, headerRows, property}`.
    private mutating func readDialect(_ node: Node) -> TableDialect? {
        guard case .mapping(let mapping) = node else {
            diagnostics.append(.error(.schemaInvalid("`dialect` must be a mapping, e.g. `{sheetName: 村庄名单}`"), at: document.location(of: node)))
            return nil
        }
        var dialect = TableDialect(location: document.location(of: node))
        dialect.sheetName = mapping["sheetName"]?.scalarText
        dialect.property = mapping["property"]?.scalarText
        if let number = mapping["sheetNumber"] {
            dialect.sheetNumber = number.scalarText.flatMap { Int($0) }.flatMap { $0 >= 1 ? $0 : nil }
            if dialect.sheetNumber == nil {
                diagnostics.append(.error(.schemaInvalid("`sheetNumber` must be a whole number ≥ 1"), at: document.location(of: number)))
            }
        }
        if let rows = mapping["headerRows"] {
            let items: [Node] = if case .sequence(let list) = rows { Array(list) } else { [rows] }
            let numbers = items.compactMap { $0.scalarText.flatMap { Int($0) } }.filter { (1...CellReference.maxRow).contains($0) }
            if numbers.count != items.count || numbers.isEmpty {
                diagnostics.append(.error(.schemaInvalid("`headerRows` must list row numbers from 1, e.g. `[2]`"), at: document.location(of: rows)))
            } else {
                dialect.headerRows = numbers.sorted()
            }
        }
        if dialect.sheetName != nil && dialect.sheetNumber != nil {
            diagnostics.append(.error(.schemaInvalid("give `sheetName` or `sheetNumber`, not both"), at: dialect.location))
        }
        for (key, _) in mapping {
            guard let name = key.scalarText, !["sheetName", "sheetNumber", "headerRows", "property"].contains(name) else { continue }
            diagnostics.append(.warning(.schemaInvalid("unknown `dialect` key '\(name)'; known: sheetName, sheetNumber, headerRows, property"), at: document.location(of: key)))
        }
        return dialect
    }

    /// A field name or a list of them (Table Schema allows both).
    private func names(_ node: Node) -> [String] {
        if case .sequence(let items) = node { return items.compactMap(\.scalarText) }
        return node.scalarText.map { [$0] } ?? []
    }

    private mutating func boolean(_ node: Node?, key: String) -> Bool? {
        guard let node else { return nil }
        switch node.scalarText {
        case "true", "True", "TRUE", "yes": return true
        case "false", "False", "FALSE", "no": return false
        default:
            diagnostics.append(.error(.schemaInvalid("`\(key)` must be true or false"), at: document.location(of: node)))
            return nil
        }
    }

    private mutating func check(_ names: [String], declaredIn schema: TableSchema, key: String, at node: Node) {
        for name in names where schema.field(named: name) == nil {
            diagnostics.append(.error(.schemaUnknownField(name, in: key), at: document.location(of: node)))
        }
    }
}
