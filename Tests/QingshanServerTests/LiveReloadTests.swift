import Foundation
import Testing

@testable import QingshanServer

/// Edits a temporary copy of the fixture site while `serve` watches it, and listens on
/// the event stream as a browser would. Waits are bounded; only outcomes are asserted.
@Suite struct LiveReloadTests {
    @Test func anEditRebuildsAndSendsReload() async throws {
        let site = try ServedSite()
        defer { site.remove() }
        let (event, page) = try await site.withServer(live: true) { port in
            let stream = try await EventStreamClient.open(port: port)
            let about = try site.read("content/pages/about.md")
            try site.write(about + "\n新增的一段。\n", to: "content/pages/about.md")
            let event = try await stream.next()
            return (event, try await LoopbackClient.get(port: port, "/about/"))
        }
        #expect(event?.name == "reload")
        #expect(page.text.contains("新增的一段。"))
        #expect(try site.read("public/about/index.html").contains("新增的一段。"))
    }

    @Test func aBrokenEditSendsItsPositionedErrorAndTheFixSendsReload() async throws {
        let site = try ServedSite()
        defer { site.remove() }
        let original = try site.read("content/pages/about.md")
        let (error, servedWhileBroken, late, fixed) = try await site.withServer(live: true) { port in
            let stream = try await EventStreamClient.open(port: port)
            // Line 20, column 1 of the file: a link to a page that does not exist.
            try site.write(original + "\n[坏链接](missing.md)\n", to: "content/pages/about.md")
            let error = try await stream.next()
            let served = try await LoopbackClient.get(port: port, "/about/")
            // A page opened while the site is broken gets the error at once.
            let late = try await EventStreamClient.open(port: port).next(within: 10)
            try site.write(original + "\n修好了。\n", to: "content/pages/about.md")
            let fixed = try await stream.next()
            return (error, served, late, fixed)
        }
        let event = try #require(error)
        #expect(event.name == "error")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(event.data.utf8)) as? [String: Any])
        #expect(report["summary"] as? String == "1 error")
        let diagnostics = try #require(report["diagnostics"] as? [[String: Any]])
        let location = try #require(diagnostics.first?["location"] as? String)
        #expect(location.hasPrefix("content/pages/about.md:20:"))
        #expect((diagnostics.first?["message"] as? String)?.contains("missing.md") == true)
        // The last good site kept being served.
        #expect(servedWhileBroken.status == 200)
        #expect(!servedWhileBroken.text.contains("坏链接"))
        #expect(late?.name == "error")
        #expect(fixed?.name == "reload")
        #expect(try site.read("public/about/index.html").contains("修好了。"))
    }
}
