/// Writing one CSV field, for every CSV Qingshan writes (downloads, snapshots).
enum CSVField {
    /// RFC 4180 §2: a field holding a comma, a double quote or a line break is enclosed in
    /// double quotes, and a double quote inside it is doubled.
    static func quoted(_ field: String) -> String {
        guard field.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
