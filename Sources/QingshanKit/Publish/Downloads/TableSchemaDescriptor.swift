import Foundation

/// A dataset's Table Schema as a data package resource carries it: every field with its
/// title, type, description, unit and constraints (typed as the field is), `primaryKey`,
/// and the `foreignKeys` whose referenced dataset is published too.
enum TableSchemaDescriptor {
    static func json(for dataset: Dataset, published: Set<String>) -> JSONValue {
        let schema = dataset.schema
        var members: [(String, JSONValue)] = [("fields", .array(dataset.fields.map { field(for: $0, declared: schema?.field(named: $0.name)) }))]
        if let schema, !schema.primaryKey.isEmpty {
            members.append(("primaryKey", .array(schema.primaryKey.map(JSONValue.string))))
        }
        // A key into a dataset that is not in the package could not be checked by a reader.
        let keys = (schema?.foreignKeys ?? []).filter { $0.resource.isEmpty || published.contains($0.resource) }
        if !keys.isEmpty {
            members.append(("foreignKeys", .array(keys.map(foreignKey))))
        }
        return .object(members)
    }

    static func field(for field: DataField, declared: TableSchema.Field?) -> JSONValue {
        var members: [(String, JSONValue)] = [("name", .string(field.name)), ("type", .string(field.type.rawValue))]
        if field.title != field.name { members.append(("title", .string(field.title))) }
        if let description = declared?.description { members.append(("description", .string(description))) }
        // Downloads write dates as YYYY-MM-DD (the default format); a format written for
        // readers of the source (`年月`) would make validators misread them. Only the
        // standard string formats are passed on.
        if let format = declared?.format, field.type == .string, ["email", "uri", "binary", "uuid"].contains(format) {
            members.append(("format", .string(format)))
        }
        // Not in Table Schema: a Qingshan extension, which Frictionless readers ignore.
        if let unit = field.unit { members.append(("unit", .string(unit))) }
        if let constraints = declared.map({ self.constraints($0.constraints, type: field.type) }), !constraints.isEmpty {
            members.append(("constraints", .object(constraints)))
        }
        return .object(members)
    }

    static func constraints(_ constraints: TableSchema.Constraints, type: DataField.FieldType) -> [(String, JSONValue)] {
        var members: [(String, JSONValue)] = []
        if constraints.required { members.append(("required", .bool(true))) }
        if constraints.unique { members.append(("unique", .bool(true))) }
        if let values = constraints.enumValues { members.append(("enum", .array(values.map { typed($0, type) }))) }
        if let minimum = constraints.minimum { members.append(("minimum", typed(minimum, type))) }
        if let maximum = constraints.maximum { members.append(("maximum", typed(maximum, type))) }
        if let pattern = constraints.pattern { members.append(("pattern", .string(pattern))) }
        return members
    }

    /// A bound or enum item as written in the schema, as a JSON number for numeric fields.
    static func typed(_ text: String, _ type: DataField.FieldType) -> JSONValue {
        switch type {
        case .integer where Int(text) != nil: .number(String(Int(text)!))
        case .number where Decimal(string: text, locale: nil) != nil && text.first.map({ $0.isNumber || $0 == "-" }) == true:
            .number(Decimal(string: text, locale: nil)!.description)
        default: .string(text)
        }
    }

    private static func foreignKey(_ key: TableSchema.ForeignKey) -> JSONValue {
        var reference: [(String, JSONValue)] = []
        // Data Package v2: a key into the same table leaves `resource` out.
        if !key.resource.isEmpty { reference.append(("resource", .string(key.resource))) }
        reference.append(("fields", .array(key.referenceFields.map(JSONValue.string))))
        return .object([("fields", .array(key.fields.map(JSONValue.string))), ("reference", .object(reference))])
    }
}
