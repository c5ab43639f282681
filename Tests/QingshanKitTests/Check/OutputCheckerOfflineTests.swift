import Foundation
import Testing

@testable import QingshanKit

@Suite struct OutputCheckerOfflineTests {
    typealias Marked = CheckFixture.Marked
    let offlineOnly = OutputCheckOptions(links: false, accessibility: false, personalData: false)

    /// Each line of a page body and the finding it must produce where the marker is.
    @Test(arguments: [
        (#"<script src="1️⃣https://cdn.jsdelivr.net/npm/echarts.js"></script>"#, "offline-external-resource"),
        (#"<script src="1️⃣//cdn.bootcdn.net/jquery.js"></script>"#, "offline-external-resource"),
        (#"1️⃣<script type="module" src="app.js"></script>"#, "offline-module-script"),
        (#"1️⃣<SCRIPT TYPE=" Module ">import './a.js'</SCRIPT>"#, "offline-module-script"),
        (#"<link rel="stylesheet" href="1️⃣https://fonts.googleapis.com/css">"#, "offline-external-resource"),
        (#"<link rel="icon" href="1️⃣http://www.gov.cn/favicon.ico">"#, "offline-external-resource"),
        (#"<link rel="preload" as="font" href="1️⃣https://x.cn/f.woff2">"#, "offline-external-resource"),
        (#"<img alt="徽标" src="1️⃣https://www.gov.cn/images/gtrs_logo.png">"#, "offline-external-resource"),
        (#"<iframe title="地图" src="1️⃣https://map.baidu.com/"></iframe>"#, "offline-external-resource"),
        (#"<video><source src="1️⃣https://v.cn/a.mp4"></video>"#, "offline-external-resource"),
        (#"<audio src="1️⃣https://v.cn/a.mp3"></audio>"#, "offline-external-resource"),
        (#"<object data="1️⃣https://v.cn/a.pdf"></object>"#, "offline-external-resource"),
        (#"<embed src="1️⃣https://v.cn/a.swf">"#, "offline-external-resource"),
        (#"<div style="background: url(1️⃣https://x.cn/bg.png)"></div>"#, "offline-external-resource"),
        (#"<style>@font-face { src: url("1️⃣https://x.cn/f.woff2") }</style>"#, "offline-external-resource"),
        (#"<link rel="stylesheet" href="1️⃣/assets/site.css">"#, "offline-absolute-path"),
        (#"<a href="1️⃣/goals/index.html">目标任务</a>"#, "offline-absolute-path"),
        (#"<img alt="图" src="1️⃣file:///C:/site/a.png">"#, "offline-absolute-path"),
        (#"<a href="1️⃣goals/">目标任务</a>"#, "offline-folder-link"),
        (#"<a href="1️⃣goals">目标任务</a>"#, "offline-folder-link"),
        (#"<a href="1️⃣.">首页</a>"#, "offline-folder-link"),
        (#"<a href="1️⃣./">首页</a>"#, "offline-folder-link"),
        (#"<a href="1️⃣goals/#目标">目标任务</a>"#, "offline-folder-link"),
    ])
    func offlineAuditFinds(line: String, id: String) throws {
        let page = Marked(CheckFixture.page("首页", line))
        let files = CheckFixture.site(["index.html": page.text, "goals/index.html": CheckFixture.page("目标", "")])
        let diagnostics = OutputChecker.check(files: files, options: offlineOnly)
        let diagnostic = try #require(diagnostics.count == 1 ? diagnostics.first : nil, "\(CheckFixture.summary(diagnostics))")
        #expect(diagnostic.message.id == id)
        #expect(diagnostic.severity == .error)
        #expect(diagnostic.location == page.location("1️⃣", in: "index.html"))
    }

    @Test(arguments: [
        #"<a href="https://www.mee.gov.cn/">生态环境部</a>"#,
        #"<a href="http://beian.miit.gov.cn/">蜀ICP备12345678号</a>"#,
        #"<link rel="canonical" href="https://hbj.dazhou.gov.cn/zt/wdk/index.html">"#,
        #"<link rel="alternate" type="application/atom+xml" href="https://hbj.dazhou.gov.cn/zt/wdk/feed.xml">"#,
        #"<form action="https://www.gov.cn/search"><input name="q"></form>"#,
        #"<script src="search-index.js"></script>"#,
        #"<img alt="" src="data:image/png;base64,iVBORw0KGgo=">"#,
        #"<a href="goals/index.html">目标任务</a>"#,
        #"<a href="../wdk/index.html">返回</a>"#,
    ])
    func offlineAuditPasses(line: String) {
        // Under `wdk/`, so that `../wdk/index.html` stays inside the output.
        let files = CheckFixture.site(["wdk/index.html": CheckFixture.page("首页", line), "wdk/goals/index.html": ""])
        #expect(CheckFixture.summary(OutputChecker.check(files: files, options: offlineOnly)) == [])
    }

    @Test func withoutTheOfflineAuditAFolderLinkNeedsAnIndex() {
        let options = OutputCheckOptions(offline: false, accessibility: false, personalData: false)
        let page = Marked(CheckFixture.page("首页", #"<a href="goals/">目标</a> <a href="1️⃣empty/">空</a>"#))
        let files = CheckFixture.site(["index.html": page.text, "goals/index.html": "", "empty/data.csv": ""])
        #expect(OutputChecker.check(files: files, options: options).map(\.location) == [page.location("1️⃣", in: "index.html")])
    }

    /// The fixture site of issue 6: a page that loads a chart library from a CDN.
    @Test func theCDNFixtureSiteFailsTheAudit() throws {
        let folder = URL(filePath: #filePath).deletingLastPathComponent()
            .appending(path: "../Fixtures/check/cdn-script").standardized
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        var files: [String: [UInt8]] = [:]
        for name in names { files[name] = Array(try Data(contentsOf: folder.appending(path: name))) }
        let diagnostics = OutputChecker.check(files: files)
        #expect(CheckFixture.summary(diagnostics) == ["offline-external-resource @ index.html:7:14"])
        #expect(diagnostics.first?.message.text.contains("https://cdn.jsdelivr.net/npm/echarts@5/dist/echarts.min.js") == true)
    }
}
