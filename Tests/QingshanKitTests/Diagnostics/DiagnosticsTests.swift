import Testing

@testable import QingshanKit

@Suite struct DiagnosticsTests {
    @Test func summaryCountsErrorsAndWarnings() {
        var diagnostics = Diagnostics()
        let message = Diagnostic.Message(id: "test", text: "test")
        diagnostics.error(message, at: SourceLocation(path: "a.md", line: 1, column: 1))
        diagnostics.error(message, at: nil)
        diagnostics.warning(message, at: SourceLocation(path: "b.md"))
        #expect(diagnostics.summary == "2 errors, 1 warning")
        #expect(Diagnostics().summary == "no problems")
    }

    @Test func locationPrintsOnlyWhatIsKnown() {
        #expect(SourceLocation(path: "a.md", line: 3, column: 7).description == "a.md:3:7")
        #expect(SourceLocation(path: "a.md", line: 3).description == "a.md:3")
        #expect(SourceLocation(path: "a.md").description == "a.md")
    }

    @Test func byteOffsetsBecomeLineAndUTF8Column() {
        let bytes = Array("ab\n青山x".utf8)
        let position = SourceLocation.position(ofByte: 6, in: bytes)  // 山
        #expect(position.line == 2)
        #expect(position.column == 4)  // after the three bytes of 青
    }
}
