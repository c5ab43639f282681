/// A JSON value whose objects keep their keys in the order written, so the download
/// files and `datapackage.json` come out in one fixed, readable order (Foundation's
/// `JSONSerialization` sorts or shuffles keys, and writes `Decimal` through `Double`).
indirect enum JSONValue: Sendable, Hashable, ExpressibleByStringLiteral {
    case null
    case bool(Bool)
    /// A number in its exact decimal text (`76.8`, `565000`), never through `Double`.
    case number(String)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    init(stringLiteral value: String) { self = .string(value) }

    static func == (lhs: JSONValue, rhs: JSONValue) -> Bool { lhs.text() == rhs.text() }
    func hash(into hasher: inout Hasher) { hasher.combine(text()) }

    /// The value of a dataset cell: dates as `YYYY-MM-DD` strings, numbers exact.
    init(_ value: DataValue) {
        switch value {
        case .null: self = .null
        case .string(let text): self = .string(text)
        case .integer(let number): self = .number(String(number))
        case .number(let number): self = .number(number.description)
        case .boolean(let flag): self = .bool(flag)
        case .date: self = .string(value.description)
        case .list(let items): self = .array(items.map(JSONValue.init))
        case .record(let fields): self = .object(fields.keys.sorted().map { ($0, JSONValue(fields[$0]!)) })
        }
    }

    /// The JSON text: on one line, or indented by two spaces per level from `indent`.
    func text(indent: Int? = nil) -> String {
        var writer = JavaScriptWriter()
        write(to: &writer, indent: indent)
        return writer.result
    }

    private func write(to writer: inout JavaScriptWriter, indent: Int?) {
        switch self {
        case .null: writer.raw("null")
        case .bool(let flag): flag ? writer.raw("true") : writer.raw("false")
        case .number(let text): for byte in text.utf8 { writer.byte(byte) }
        case .string(let text): writer.string(text)
        case .array(let items):
            writeList(items.map { (nil, $0) }, open: UInt8(ascii: "["), close: UInt8(ascii: "]"), to: &writer, indent: indent)
        case .object(let members):
            writeList(members.map { ($0.0, $0.1) }, open: UInt8(ascii: "{"), close: UInt8(ascii: "}"), to: &writer, indent: indent)
        }
    }

    private func writeList(_ items: [(String?, JSONValue)], open: UInt8, close: UInt8, to writer: inout JavaScriptWriter, indent: Int?) {
        writer.byte(open)
        let inner = indent.map { $0 + 1 }
        for (index, (key, value)) in items.enumerated() {
            if index > 0 { writer.byte(UInt8(ascii: ",")) }
            if let inner { Self.newline(&writer, level: inner) }
            if let key {
                writer.string(key)
                indent == nil ? writer.raw(":") : writer.raw(": ")
            }
            value.write(to: &writer, indent: inner)
        }
        if let indent, !items.isEmpty { Self.newline(&writer, level: indent) }
        writer.byte(close)
    }

    private static func newline(_ writer: inout JavaScriptWriter, level: Int) {
        writer.byte(UInt8(ascii: "\n"))
        for _ in 0..<(level * 2) { writer.byte(UInt8(ascii: " ")) }
    }
}
