import Testing

@testable import QingshanKit

@Suite struct OutputCheckerLinkTests {
    typealias Marked = CheckFixture.Marked
    let linksOnly = OutputCheckOptions(accessibility: false, personalData: false)

    @Test func aCleanSiteHasNoFindings() {
        let files = CheckFixture.site([
            "index.html": CheckFixture.page("首页", ##"<h1>首页</h1><a href="goals/index.html#目标任务">目标任务</a> <a href="#main">正文</a><main id="main"></main>"##),
            "goals/index.html": CheckFixture.page("目标", ##"<h1 id="目标任务">目标任务</h1><a href="../index.html">返回首页</a><img src="../logo.png" alt="青山">"##),
            "logo.png": "",
        ])
        #expect(CheckFixture.summary(OutputChecker.check(files: files)) == [])
    }

    @Test func deadLinkAndDeadAnchorAreReportedAtTheURL() {
        let index = Marked(CheckFixture.page("首页", ##"<a href="1️⃣missing.html">缺失的页面</a>"## + "\n" + ##"<p>见 <a href="2️⃣#不存在">不存在的一节</a>，<a href="3️⃣about.html#team">团队</a></p>"##))
        let files = CheckFixture.site(["index.html": index.text, "about.html": CheckFixture.page("关于", ##"<h1 id="intro">关于</h1>"##)])
        let diagnostics = OutputChecker.check(files: files, options: linksOnly)
        #expect(diagnostics.map(\.message.id) == ["dead-link", "dead-anchor", "dead-anchor"])
        #expect(diagnostics.map(\.location) == [index.location("1️⃣", in: "index.html"), index.location("2️⃣", in: "index.html"), index.location("3️⃣", in: "index.html")])
        #expect(diagnostics.allSatisfy { $0.severity == .error })
        #expect(diagnostics[0].location?.description == "index.html:6:10")
        #expect(diagnostics[2].message.text == "anchor `#team` is not an id in `about.html`")
    }

    @Test(arguments: [
        "#%E7%9B%AE%E6%A0%87%E4%BB%BB%E5%8A%A1",  // percent-encoded 目标任务
        "#目标任务",
        "%E7%9B%AE%E6%A0%87.html#%E7%9B%AE%E6%A0%87%E4%BB%BB%E5%8A%A1",  // 目标.html, encoded
        "目标.html?from=home#目标任务",
        "./目标.html#top",
        "#",
        "mailto:hbj@dazhou.gov.cn",
        "tel:0818-2160133",
        "https://www.mee.gov.cn/",
        "javascript:void(0)",
    ])
    func chineseAnchorsAndOtherLinksResolve(href: String) {
        let body = ##"<h2 id="目标任务">目标任务</h2><a name="old"></a><a href="\##(href)">跳到目标任务</a>"##
        let files = CheckFixture.site(["目标.html": CheckFixture.page("目标", body)])
        #expect(CheckFixture.summary(OutputChecker.check(files: files, options: linksOnly)) == [])
    }

    @Test func anchorsMayBeNamesOfLinks() {
        let files = CheckFixture.site(["a.html": CheckFixture.page("A", ##"<a name="旧锚点"></a><a href="#%E6%97%A7%E9%94%9A%E7%82%B9">旧锚点</a>"##)])
        #expect(OutputChecker.check(files: files, options: linksOnly).isEmpty)
    }

    @Test func linksAboveTheOutputFolderAreReported() {
        let page = Marked(CheckFixture.page("A", ##"<a href="1️⃣../../outside.html">外部</a>"##))
        let diagnostics = OutputChecker.check(files: CheckFixture.site(["goals/a.html": page.text]), options: linksOnly)
        #expect(CheckFixture.summary(diagnostics) == ["link-leaves-site @ goals/a.html:6:10"])
    }

    @Test func missingAssetsInStyleSheetsAndImagesAreReported() {
        let page = Marked(CheckFixture.page("A", ##"<img alt="" src="1️⃣img/none.png"><img alt="" srcset="img/a.png 1x, 2️⃣img/b.png 2x">"##))
        let files = CheckFixture.site(["a.html": page.text])
            .merging(["img/a.png": [], "assets/site.css": Array("@font-face { src: url('fonts/none.woff2') }".utf8)]) { $1 }
        let diagnostics = OutputChecker.check(files: files, options: linksOnly)
        #expect(
            CheckFixture.summary(diagnostics) == [
                "dead-link @ a.html:6:18", "dead-link @ a.html:6:66", "dead-link @ assets/site.css:1:24",
            ])
        #expect(diagnostics[0].location == page.location("1️⃣", in: "a.html"))
        #expect(diagnostics[1].location == page.location("2️⃣", in: "a.html"))
    }

    @Test func scriptContentsAndCommentsAreNotMarkup() {
        let body = """
            <!-- <a href="gone.html">旧链接</a> -->
            <script>document.write('<a href="nowhere.html">x</a>')</script>
            <style>/* <img src="none.png"> */ body { color: #222 }</style>
            """
        #expect(OutputChecker.check(files: CheckFixture.site(["a.html": CheckFixture.page("A", body)]), options: linksOnly).isEmpty)
    }

    @Test func duplicateIDsAreWarned() {
        let page = Marked(CheckFixture.page("A", ##"<h2 id="x">一</h2><h2 id="1️⃣x">二</h2>"##))
        let diagnostics = OutputChecker.check(files: CheckFixture.site(["a.html": page.text]), options: linksOnly)
        #expect(diagnostics.map(\.message.id) == ["duplicate-id"])
        #expect(diagnostics.first?.severity == .warning)
        #expect(diagnostics.first?.location == page.location("1️⃣", in: "a.html"))
    }
}
