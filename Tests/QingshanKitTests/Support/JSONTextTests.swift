import Foundation
import Testing

@testable import QingshanKit

@Suite struct JSONTextTests {
    @Test func aQuotedStringReadsBackAsTheSameText() throws {
        let text = "村一,\"东\"\\\n\t\u{1}\u{2028}\u{2029}“引号” 🙂"
        let quoted = JSONText.quoted(text)
        #expect(quoted == "\"村一,\\\"东\\\"\\\\\\n\\t\\u0001\\u2028\\u2029“引号” 🙂\"")
        let decoded = try JSONDecoder().decode(String.self, from: Data(quoted.utf8))
        #expect(decoded == text)
    }
}
