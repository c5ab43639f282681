public import Foundation

extension SiteConfig {
    /// The site's `language` (`zh-CN` unless `content/site.yaml` says otherwise), read
    /// before a build so the command line can speak it from the first line; `nil` when
    /// there is no readable configuration.
    public static func declaredLanguage(root: URL) -> String? {
        guard let data = FileManager.default.contents(atPath: root.appendingPathComponent(path).path) else { return nil }
        return parse(String(decoding: data, as: UTF8.self)).config?.language
    }
}
