import Foundation
import QingshanKit
import Testing

@testable import QingshanServer

/// The pieces of `serve` that need no socket.
@Suite struct LiveReloadScriptTests {
    @Test(arguments: [
        ("<html><body><p>x</p></body></html>", "<html><body><p>x</p>\(LiveReloadScript.tag)</body></html>"),
        ("<BODY>x</BODY>", "<BODY>x\(LiveReloadScript.tag)</BODY>"),
        // A `</body>` quoted in the page comes before the real one: the last wins.
        ("<body><code>&lt;/body></code></body>", "<body><code>&lt;/body></code>\(LiveReloadScript.tag)</body>"),
        ("<p>fragment", "<p>fragment\(LiveReloadScript.tag)"),
    ])
    func theTagGoesBeforeTheLastClosingBody(html: String, expected: String) {
        #expect(String(decoding: LiveReloadScript.inject(into: Data(html.utf8)), as: UTF8.self) == expected)
    }

    @Test func anErrorEventIsOneDataLineOfJSON() throws {
        let diagnostics = Diagnostics([
            .error(.init(id: "broken-link", text: "link to 'a.md'\nsecond line"), at: SourceLocation(path: "content/pages/goals.md", line: 46, column: 1))
        ])
        let text = ServerEvent.error(diagnostics).serverSentEvent
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 4 && lines[0] == "event: error" && lines[1].hasPrefix("data: {") && lines[2].isEmpty)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(lines[1].dropFirst(6).utf8)) as? [String: Any])
        let first = try #require((json["diagnostics"] as? [[String: Any]])?.first)
        #expect(first["location"] as? String == "content/pages/goals.md:46:1")
        #expect(first["message"] as? String == "link to 'a.md'\nsecond line")
        #expect(ServerEvent.reload.serverSentEvent == "event: reload\ndata: {}\n\n")
    }

    @Test func aPageOpenedWhileBrokenGetsTheStandingErrorAndAReloadClearsIt() async throws {
        let events = EventBroadcaster()
        let error = ServerEvent.error(Diagnostics([.error(.init(id: "x", text: "bad"), at: nil)]))
        await events.send(error)
        var late = await events.subscribe().makeAsyncIterator()
        #expect(await late.next() == error)
        await events.send(.reload)
        #expect(await late.next() == .reload)
        var afterFix = await events.subscribe().makeAsyncIterator()
        await events.send(.reload)
        #expect(await afterFix.next() == .reload)
    }
}
