import Yams

/// `openData:` in `site.yaml`: how the data package of the site's datasets describes
/// itself (see `DataPackageWriter`).
///
/// ```yaml
/// openData:
///   name: wandakai-eco-zone        # lowercase letters, digits, . _ -
///   license: {name: CC-BY-4.0, path: https://creativecommons.org/licenses/by/4.0/, title: 知识共享署名 4.0}
///   sources:
///     - {title: 达州市生态环境局关于……的函（达市环案〔2021〕3号）}
///   created: 2021-12-31            # optional: the date the publisher gives the package
/// ```
///
/// No licence is ever assumed: without `license` the package has none and the build warns.
/// Without `created` the package is dated by the newest date in its data, which for data
/// that holds planned dates (targets for 2035) is a future date: state it then.
public struct OpenDataConfig: Sendable, Hashable {
    /// A licence as Frictionless writes it: an SPDX-style `name`, and/or a `path` (URL), a `title`.
    public struct License: Sendable, Hashable {
        public var name: String?
        public var path: String?
        public var title: String?
    }

    /// A source document the data comes from.
    public struct Source: Sendable, Hashable {
        public var title: String
        public var path: String?
    }

    /// The package's machine name; from the site's address, else `site`, when not given.
    public var name: String?
    public var license: License?
    public var sources: [Source] = []
    /// `YYYY-MM-DD` (a month alone means its first day), as the publisher states it.
    public var created: String?
    /// Where `openData` is, or would be, in `site.yaml`: the licence warning points here.
    public var location = SourceLocation(path: SiteConfig.path)

    static let knownKeys = ["name", "license", "sources", "created"]

    static func parse(_ mapping: inout YAMLMapping, at location: SourceLocation) -> OpenDataConfig {
        let document = mapping.document
        var config = OpenDataConfig(location: location)
        if let name = mapping.string("name") {
            if name.isEmpty || !name.utf8.allSatisfy({ isNameByte($0) }) {
                mapping.diagnostics.append(
                    .error(
                        .invalidValue(key: "name", value: name, expected: "lowercase letters, digits, '.', '_' or '-'"), at: mapping.location(of: "name")))
            } else {
                config.name = name
            }
        }
        if let node = mapping.value("license") {
            if let text = node.scalarText {
                config.license = License(name: text)
            } else if var fields = YAMLMapping(node, in: document) {
                config.license = License(name: fields.string("name"), path: fields.string("path"), title: fields.string("title"))
                if config.license?.name == nil, config.license?.path == nil {
                    fields.diagnostics.append(.error(.missingKey("name"), at: document.location(of: node), notes: ["a licence needs `name` (e.g. CC-BY-4.0) or `path` (its URL)"]))
                }
                fields.warnAboutUnknownKeys(known: ["name", "path", "title"])
                mapping.diagnostics += fields.diagnostics
            }
        }
        for item in mapping.sequence("sources") ?? [] {
            if let text = item.scalarText {
                config.sources.append(Source(title: text))
            } else if var fields = YAMLMapping(item, in: document) {
                if let title = fields.string("title", required: true) { config.sources.append(Source(title: title, path: fields.string("path"))) }
                fields.warnAboutUnknownKeys(known: ["title", "path"])
                mapping.diagnostics += fields.diagnostics
            }
        }
        config.created = mapping.date("created").map { $0.utf8.count == 7 ? $0 + "-01" : $0 }
        mapping.warnAboutUnknownKeys(known: knownKeys)
        return config
    }

    /// Frictionless package names: lowercase alphanumerics and `.`, `_`, `-`.
    static func isNameByte(_ byte: UInt8) -> Bool {
        (0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte) || byte == 0x2E || byte == 0x5F || byte == 0x2D
    }
}
