extension String {
    /// The text with `& < > " '` replaced by entities: safe in HTML and SVG text and in
    /// quoted attribute values alike.
    var htmlEscaped: String {
        var out = ""
        out.reserveCapacity(utf8.count)
        for character in unicodeScalars {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(character)
            }
        }
        return out
    }
}
