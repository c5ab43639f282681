/// The absolute address the site is published at (`baseURL` in site.yaml), and the
/// absolute URL of each output file under it.
struct PublishBase: Sendable, Hashable {
    /// `https://sthjj.dazhou.gov.cn/zt/wdk/`: always ends in `/`, only ASCII.
    let url: String
    /// The path part: `/zt/wdk/`, or `/` at a domain root.
    let path: String

    /// `nil` unless `baseURL` is an absolute http(s) address without query or fragment.
    init?(_ baseURL: String) {
        let lower = baseURL.lowercased()
        guard let scheme = ["https://", "http://"].first(where: lower.hasPrefix) else { return nil }
        let rest = baseURL.dropFirst(scheme.count)
        let host = rest.prefix { $0 != "/" }
        guard !host.isEmpty, !baseURL.contains(where: { $0 == "?" || $0 == "#" || $0.isWhitespace }) else { return nil }
        var path = String(rest.dropFirst(host.count))
        if !path.hasSuffix("/") { path += "/" }
        // A host written in Chinese would need Punycode; refuse rather than guess.
        guard host.utf8.allSatisfy({ $0 < 0x80 }) else { return nil }
        // The path may be written readably (`/专题/`); sitemaps want it percent-encoded.
        // Existing `%XX` escapes are kept as they are.
        let encodedPath = Self.percentEncoded(path, keeping: Self.unreserved.union([UInt8(ascii: "/"), UInt8(ascii: "%")]))
        self.path = encodedPath
        self.url = String(scheme) + host.lowercased() + encodedPath
    }

    /// The absolute URL of an output file (`goals/index.html`). Pages keep their
    /// `index.html`: it is the address every internal link uses, and the one that
    /// resolves on every host, object storage without index documents included.
    func url(for outputPath: String) -> String {
        url + Self.percentEncoded(outputPath, keeping: Self.unreserved.union([UInt8(ascii: "/")]))
    }

    /// RFC 3986 unreserved characters: `A–Z a–z 0–9 - . _ ~`.
    static let unreserved: Set<UInt8> = Set(
        Array(UInt8(ascii: "A")...UInt8(ascii: "Z")) + Array(UInt8(ascii: "a")...UInt8(ascii: "z"))
            + Array(UInt8(ascii: "0")...UInt8(ascii: "9")) + [UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~")])

    /// Every UTF-8 byte not in `keeping` as `%XX` (upper-case hex, as RFC 3986 § 2.1 recommends).
    static func percentEncoded(_ text: String, keeping: Set<UInt8>) -> String {
        let hex = Array("0123456789ABCDEF".utf8)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            if keeping.contains(byte) {
                bytes.append(byte)
            } else {
                bytes += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// Text and attribute values for XML 1.0 documents (sitemap, feed).
enum XMLText {
    /// Escapes the five predefined entities and drops characters XML 1.0 forbids
    /// (C0 controls other than tab and newline), which a parser would reject.
    static func escaped(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&apos;"
            case "\t", "\n", "\r": result.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF { continue }
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
