import Testing

@testable import QingshanKit

@Suite struct OutputCheckerAccessibilityTests {
    typealias Marked = CheckFixture.Marked
    let accessibilityOnly = OutputCheckOptions(links: false, offline: false, personalData: false)

    func check(_ body: String) -> (Marked, [Diagnostic]) {
        let page = Marked(CheckFixture.page("首页", body))
        return (page, OutputChecker.check(files: ["index.html": page.bytes], options: accessibilityOnly))
    }

    @Test(arguments: [
        (#"1️⃣<img src="a.png">"#, "a11y-img-alt"),
        (#"1️⃣<table><tr><td>通川区</td></tr></table>"#, "a11y-table-headers"),
        (#"1️⃣<table><tr><td><table><tr><th>x</th></tr></table></td></tr></table>"#, "a11y-table-headers"),
        ("<h1>进展</h1><h2>项目</h2>1️⃣<h4>资金</h4>", "a11y-heading-order"),
        ("<h1>进展</h1>1️⃣<h1>又一个</h1>", "a11y-multiple-h1"),
        (#"<p>详见1️⃣<a href="a.html">点击这里</a></p>"#, "a11y-link-text"),
        (#"1️⃣<a href="a.html"> 更多&gt;&gt; </a>"#, "a11y-link-text"),
        (#"1️⃣<a href="a.html">Click here</a>"#, "a11y-link-text"),
        (#"1️⃣<a href="a.html"><img src="i.png" alt=""></a>"#, "a11y-link-text"),
        (#"1️⃣<a href="a.html"></a>"#, "a11y-link-text"),
        (#"1️⃣<title>第二个</title>"#, "a11y-title-count"),
    ])
    func warns(body: String, id: String) throws {
        let (page, diagnostics) = check(body)
        let diagnostic = try #require(diagnostics.count == 1 ? diagnostics.first : nil, "\(CheckFixture.summary(diagnostics))")
        #expect(diagnostic.message.id == id)
        #expect(diagnostic.severity == .warning)
        #expect(diagnostic.location == page.location("1️⃣", in: "index.html"))
    }

    @Test(arguments: [
        #"<img src="a.png" alt="">"#,
        #"<table><caption>进展</caption><tr><th scope="col">区县</th></tr><tr><td>通川区</td></tr></table>"#,
        "<h1>进展</h1><h2>项目</h2><h3>资金</h3><h2>村庄</h2>",
        #"<a href="a.html">更多工作动态</a>"#,
        #"<a href="a.html" aria-label="更多工作动态">更多</a>"#,
        #"<a href="a.html"><img src="logo.png" alt="返回首页"></a>"#,
        #"<a name="x"></a>"#,
        #"<svg role="img"><title>投资进度</title><text>56.5</text></svg>"#,
        #"<a href="a.html"><svg><title>下载数据</title></svg></a>"#,
    ])
    func passes(body: String) {
        #expect(CheckFixture.summary(check(body).1) == [])
    }

    @Test func htmlWithoutLangIsAnError() {
        let page = Marked("<!DOCTYPE html>\n1️⃣<html>\n<head><title>首页</title></head><body></body></html>\n")
        let diagnostics = OutputChecker.check(files: ["index.html": page.bytes], options: accessibilityOnly)
        #expect(CheckFixture.summary(diagnostics) == ["a11y-lang @ index.html:2:1"])
        #expect(diagnostics.first?.severity == .error)
    }

    @Test func aPageWithoutTitleOrHTMLElementIsReportedAtItsStart() {
        let diagnostics = OutputChecker.check(files: ["part.html": Array("<p>片段</p>".utf8)], options: accessibilityOnly)
        #expect(CheckFixture.summary(diagnostics) == ["a11y-lang @ part.html:1:1", "a11y-title-count @ part.html:1:1"])
    }

    @Test func titlesAreUniqueAcrossPages() {
        let later = Marked(CheckFixture.page("项目进展", ""))
        let files = ["a.html": Array(CheckFixture.page(" 项目进展 ", "").utf8), "b.html": later.bytes, "c.html": Array(CheckFixture.page("村庄", "").utf8)]
        let diagnostics = OutputChecker.check(files: files, options: accessibilityOnly)
        #expect(CheckFixture.summary(diagnostics) == ["a11y-title-duplicate @ b.html:3:29"])
        #expect(diagnostics.first?.message.text == "title `项目进展` is also the title of `a.html`")
    }
}

@Suite struct OutputCheckerPersonalDataTests {
    @Test func theLettersContactLineInAPageIsAnError() throws {
        let page = CheckFixture.page("联系我们", "<p>" + PersonalDataScannerTests.letterContactLine + "</p>")
        let diagnostics = OutputChecker.check(files: CheckFixture.site(["about/index.html": page]))
        // <p> and 43 bytes of the line before the number.
        #expect(CheckFixture.summary(diagnostics) == ["personal-mobile @ about/index.html:6:47"])
        #expect(diagnostics.first?.severity == .error)
    }

    @Test func allowedOutputPathsAndBinaryFilesAreNotScanned() {
        let page = CheckFixture.page("联系我们", "<p>15228058022</p>")
        let options = OutputCheckOptions(personalDataAllowedPaths: ["contacts.html"])
        let files = CheckFixture.site(["contacts.html": page]).merging(["photo.png": Array("15228058022".utf8)]) { $1 }
        #expect(OutputChecker.check(files: files, options: options).isEmpty)
    }
}
