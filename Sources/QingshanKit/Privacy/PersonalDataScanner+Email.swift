/// Private e-mail addresses: a mailbox on a public provider (`zhangsan@qq.com`) belongs to a
/// person, as a mobile number does; an office mailbox is on the bureau's own domain. Found
/// by the same one-pass scan, from the `@`, and allowed by the same `personalData.allow`.
extension PersonalDataScanner {
    /// Free mail providers common in China and abroad. A subdomain (`vip.qq.com`) counts.
    static let publicMailProviders: Set<String> = [
        "qq.com", "foxmail.com", "163.com", "126.com", "yeah.net", "sina.com", "sina.cn", "sohu.com", "139.com",
        "189.cn", "wo.cn", "aliyun.com", "tom.com", "21cn.com", "gmail.com", "hotmail.com", "outlook.com",
        "live.com", "yahoo.com", "icloud.com", "me.com", "msn.com",
    ]

    /// The address around the `@` at `at`, masked, with where it starts, when its domain is a
    /// public provider; `nil` otherwise.
    static func privateEmail(in bytes: UnsafeBufferPointer<UInt8>, at: Int) -> (masked: String, start: Int, end: Int)? {
        func isLocal(_ byte: UInt8) -> Bool {
            byte &- 0x30 < 10 || (byte | 0x20) &- 0x61 < 26 || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "_")
                || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+")
        }
        func isDomain(_ byte: UInt8) -> Bool {
            byte &- 0x30 < 10 || (byte | 0x20) &- 0x61 < 26 || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-")
        }
        var start = at
        while start > 0, isLocal(bytes[start - 1]) { start -= 1 }
        var end = at + 1
        while end < bytes.count, isDomain(bytes[end]) { end += 1 }
        // A sentence may end right after the address: `…@qq.com.`
        while end > at + 1, bytes[end - 1] == UInt8(ascii: ".") { end -= 1 }
        guard start < at, end > at + 1 else { return nil }
        let domain = String(decoding: bytes[(at + 1)..<end].map { $0 | ($0 &- 0x41 < 26 ? 0x20 : 0) }, as: UTF8.self)
        guard publicMailProviders.contains(where: { domain == $0 || domain.hasSuffix("." + $0) }) else { return nil }
        let local = Array(bytes[start..<at])
        let masked = String(decoding: local.prefix(2), as: UTF8.self) + "****@" + domain
        return (masked, start, end)
    }
}
