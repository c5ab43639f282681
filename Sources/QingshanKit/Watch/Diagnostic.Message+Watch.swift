/// The messages of watch mode.
extension Diagnostic.Message {
    static func watchWriteFailed(_ reason: String) -> Self {
        .init(id: "watch-write-failed", text: "could not write the rebuilt site: \(reason)", zh: "无法写入重新生成的网站：\(reason)")
    }
}
