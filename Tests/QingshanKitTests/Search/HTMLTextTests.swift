import Testing

@testable import QingshanKit

@Suite struct HTMLTextTests {
    @Test(arguments: [
        ("<p>铜钵河</p>", "铜钵河"),
        ("<h2 id=\"x\">水环境</h2><p>州河<em>水质</em>改善</p>", "水环境 州河水质改善"),
        ("铜<strong>钵</strong>河", "铜钵河"),
        ("<table><tr><td>达州</td><td>开州</td></tr></table>", "达州 开州"),
        ("<p>a &amp; b &lt;c&gt; &quot;d&quot; &#39;e&#39; &#27700; &#x6CB3; &nbsp;f</p>", "a & b <c> \"d\" 'e' 水 河 f"),
        ("<p>AT&T &unknown; & &#xZZ;</p>", "AT&T &unknown; & &#xZZ;"),
        ("<script>var x = \"<p>no</p>\";</script><p>yes</p>", "yes"),
        ("<STYLE>p { color: red }</STYLE>可见", "可见"),
        ("<svg><text>12</text></svg><p>图表</p>", "图表"),
        ("<!-- 注释 --><p>正文</p>", "正文"),
        ("<a href=\"x\" title=\"a>b\">链接</a>", "链接"),
        ("<p>1 < 2</p>", "1 < 2"),
        ("  <p>\n  多余   空白\t</p>  ", "多余 空白"),
        ("<ul><li>一</li><li>二</li></ul>", "一 二"),
        ("line<br>break", "line break"),
        ("<p>未闭合", "未闭合"),
        ("<script>never closed", ""),
        ("", ""),
    ])
    func extractsVisibleText(html: String, expected: String) {
        #expect(HTMLText.plainText(fromHTML: html) == expected)
    }

    @Test func extractionKeepsSearchableBigrams() {
        let html = "<p>中国<a href=\"bank.html\">农业发展银行</a>达州分行</p>"
        let tokens = SearchTokenizer.tokens(in: HTMLText.plainText(fromHTML: html))
        #expect(tokens.contains("国农"))
        #expect(tokens.contains("行达"))
    }
}
