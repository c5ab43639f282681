public import Foundation

/// `data/datapackage.json`: a Frictionless Data Package (v2.0, https://datapackage.org)
/// describing every published dataset by its CSV download.
///
/// Nothing is invented: the licence and sources come from `openData` in `site.yaml` (no
/// licence there means none here, and `OpenDataPhase` warns), the contributor is the
/// footer's sponsor, and `created` is `openData.created`, else the newest date the published
/// data holds (never the build's clock, so rebuilding an unchanged site gives the same bytes).
public enum DataPackageWriter {
    /// The profile the descriptor follows.
    public static let profile = "https://datapackage.org/profiles/2.0/datapackage.json"

    /// One published dataset and the bytes of its CSV download.
    public struct Resource {
        public var dataset: Dataset
        public var csv: Data

        public init(dataset: Dataset, csv: Data) {
            self.dataset = dataset
            self.csv = csv
        }
    }

    /// The descriptor, indented, with keys in a fixed order.
    public static func json(config: SiteConfig, resources: [Resource]) -> Data {
        var package: [(String, JSONValue)] = [("$schema", .string(profile)), ("name", .string(packageName(config)))]
        package.append(("title", .string(config.title)))
        if !config.description.isEmpty { package.append(("description", .string(config.description))) }
        if let baseURL = config.baseURL { package.append(("homepage", .string(baseURL))) }
        if let created = config.openData.created ?? DatasetDates.latest(in: resources.map(\.dataset))?.description {
            package.append(("created", .string(created + "T00:00:00Z")))
        }
        if let license = config.openData.license {
            package.append(("licenses", .array([.object(optionalMembers([("name", license.name), ("path", license.path), ("title", license.title)]))])))
        }
        if !config.openData.sources.isEmpty {
            package.append(("sources", .array(config.openData.sources.map { .object(optionalMembers([("title", $0.title), ("path", $0.path)])) })))
        }
        if let sponsor = config.footer["sponsor"] ?? config.meta["contentSource"] {
            package.append(("contributors", .array([.object([("title", .string(sponsor)), ("roles", .array(["publisher"]))])])))
        }
        let published = Set(resources.map(\.dataset.name))
        package.append(("resources", .array(resources.map { resource($0, published: published) })))
        return Data((JSONValue.object(package).text(indent: 0) + "\n").utf8)
    }

    /// `openData.name`, else the site's address made into a name, else `site`.
    static func packageName(_ config: SiteConfig) -> String {
        if let name = config.openData.name { return name }
        guard let base = config.baseURL, let schemeEnd = base.range(of: "://") else { return "site" }
        let name = String(base[schemeEnd.upperBound...]).lowercased().utf8
            .map { OpenDataConfig.isNameByte($0) ? Character(Unicode.Scalar($0)) : "-" }
        let trimmed = String(name).split(separator: "-", omittingEmptySubsequences: true).joined(separator: "-")
        return trimmed.isEmpty ? "site" : trimmed
    }

    static func resource(_ resource: Resource, published: Set<String>) -> JSONValue {
        let dataset = resource.dataset
        var members: [(String, JSONValue)] = [
            ("name", .string(dataset.name)), ("type", "table"), ("path", .string(dataset.name + ".csv")),
            ("title", .string(dataset.title)),
        ]
        if let description = description(of: dataset) { members.append(("description", .string(description))) }
        members += [
            ("format", "csv"), ("mediatype", "text/csv"), ("encoding", "utf-8"),
            ("bytes", .number(String(resource.csv.count))), ("hash", .string("sha256:" + SHA256.hex(resource.csv))),
            ("schema", TableSchemaDescriptor.json(for: dataset, published: published)),
        ]
        return .object(members)
    }

    /// The schema's description; sample data says so first.
    static func description(of dataset: Dataset) -> String? {
        let text = dataset.schema?.description
        guard dataset.sample else { return text }
        let notice = "样例数据，并非正式统计结果。"
        return text.map { $0.contains("样例数据") ? $0 : notice + $0 } ?? notice
    }

    private static func optionalMembers(_ members: [(String, String?)]) -> [(String, JSONValue)] {
        members.compactMap { key, value in value.map { (key, .string($0)) } }
    }
}
