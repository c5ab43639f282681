import Mustache
import Testing

@testable import QingshanKit

/// Qingshan's Mustache renderer: the language cases one by one, each checked against the
/// expected text and, where swift-mustache (which the themes were first written for)
/// agrees, against swift-mustache's own rendering of the same template and values.
@Suite("Templates")
struct TemplateTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let template: String
        let context: TemplateValue
        var partials: [String: String] = [:]
        let expected: String
        /// Where swift-mustache renders differently (a documented departure).
        var differsFromSwiftMustache = false
        var testDescription: String { name }
    }

    static let page: TemplateValue = [
        "title": "铜钵河 <共治> & \"联防\" '联控'",
        "count": 3,
        "yes": true,
        "no": false,
        "empty": "",
        "items": ["一", "二", "三"],
        "none": [],
        "people": [["name": "万州区"], ["name": "达川区"]],
        "site": ["title": "万达开", "footer": ["icp": "蜀ICP备1号"]],
    ]

    static let cases: [Case] = [
        Case(name: "text only", template: "plain 文本\n", context: [:], expected: "plain 文本\n"),
        Case(
            name: "escaped variable", template: "<h1>{{title}}</h1>", context: page,
            expected: "<h1>铜钵河 &lt;共治&gt; &amp; &quot;联防&quot; &#39;联控&#39;</h1>"),
        Case(name: "triple mustache", template: "{{{title}}}", context: page, expected: "铜钵河 <共治> & \"联防\" '联控'"),
        Case(name: "ampersand", template: "{{& title}}", context: page, expected: "铜钵河 <共治> & \"联防\" '联控'"),
        Case(name: "numbers and booleans", template: "{{count}} {{yes}} {{no}}", context: page, expected: "3 true false"),
        Case(name: "missing names render nothing", template: "[{{nothing}}][{{site.nothing}}][{{nothing.deeper}}]", context: page, expected: "[][][]"),
        Case(name: "dotted names", template: "{{site.footer.icp}}", context: page, expected: "蜀ICP备1号"),
        Case(name: "names resolve up the stack", template: "{{#people}}{{name}}/{{site.title}};{{/people}}", context: page, expected: "万州区/万达开;达川区/万达开;"),
        Case(name: "a dotted name does not climb after its first part", template: "{{#site}}{{footer.title}}|{{title}}{{/site}}", context: page, expected: "|万达开"),
        Case(name: "anchored name looks only at the current object", template: "{{#people}}[{{.site}}]{{/people}}", context: page, expected: "[][]"),
        Case(name: "implicit iterator", template: "{{#items}}<{{.}}>{{/items}}", context: page, expected: "<一><二><三>"),
        Case(name: "booleans", template: "{{#yes}}Y{{/yes}}{{#no}}N{{/no}}{{^no}}n{{/no}}{{^yes}}y{{/yes}}", context: page, expected: "Yn"),
        Case(name: "empty list", template: "{{#none}}x{{/none}}{{^none}}empty{{/none}}", context: page, expected: "empty"),
        Case(name: "an empty string is a value", template: "{{#empty}}[{{.}}]{{/empty}}{{^empty}}none{{/empty}}", context: page, expected: "[]"),
        Case(name: "a map section pushes the map", template: "{{#site}}{{title}}{{/site}}", context: page, expected: "万达开"),
        Case(name: "missing section", template: "a{{#nothing}}x{{/nothing}}{{^nothing}}b{{/nothing}}", context: page, expected: "ab"),
        Case(
            name: "standalone section lines disappear", template: "<ul>\n  {{#items}}\n  <li>{{.}}</li>\n  {{/items}}\n</ul>\n", context: page,
            expected: "<ul>\n  <li>一</li>\n  <li>二</li>\n  <li>三</li>\n</ul>\n"),
        Case(name: "standalone lines with CRLF", template: "a\r\n{{#yes}}\r\nb\r\n{{/yes}}\r\nc", context: page, expected: "a\r\nb\r\nc"),
        Case(name: "standalone at the end without a newline", template: "a\n{{#yes}}\nb\n  {{/yes}}", context: page, expected: "a\nb\n"),
        Case(name: "inline sections keep their line", template: " {{#yes}}x{{/yes}} \n", context: page, expected: " x \n"),
        Case(name: "standalone comments", template: "a\n  {{! a note }}\nb\n{{!\n multi-line\n}}\nc", context: [:], expected: "a\nb\nc"),
        Case(name: "inline comment", template: "a{{! note }}b", context: [:], expected: "ab"),
        Case(
            name: "set delimiters", template: "{{=<% %>=}}<% title %>{{title}}<%={{ }}=%>{{count}}", context: ["title": "t", "count": 1],
            expected: "t{{title}}1"),
        Case(
            name: "partials see the caller's context", template: "{{#people}}{{> item}}{{/people}}", context: page,
            partials: ["item": "<{{name}}>"], expected: "<万州区><达川区>"),
        Case(
            name: "standalone partials indent every line", template: "<div>\n  {{> list}}\n</div>\n", context: page,
            partials: ["list": "<p>\n{{title}}\n</p>\n"], expected: "<div>\n  <p>\n  铜钵河 &lt;共治&gt; &amp; &quot;联防&quot; &#39;联控&#39;\n  </p>\n</div>\n"),
        Case(name: "dynamic partials", template: "{{>*kind}}", context: ["kind": "b"], partials: ["a": "A", "b": "B"], expected: "B"),
        Case(name: "transforms on strings", template: "{{^empty(title)}}has{{/empty(title)}}{{#empty(empty)}}, empty{{/empty(empty)}}", context: page, expected: "has, empty"),
        Case(
            name: "transforms on lists", template: "{{count(items)}} {{first(items)}} {{last(items)}} {{#reversed(items)}}{{.}}{{/reversed(items)}}", context: page,
            expected: "3 一 三 三二一"),
        Case(
            name: "case transforms on strings", template: "{{capitalized(name)}}|{{uppercased(name)}}|{{lowercased(name)}}", context: ["name": "tongbo RIVER 铜钵河"],
            expected: "Tongbo River 铜钵河|TONGBO RIVER 铜钵河|tongbo river 铜钵河"),
        Case(name: "transforms on integers", template: "{{plusone(count)}} {{minusone(count)}} {{#odd(count)}}odd{{/odd(count)}}", context: page, expected: "4 2 odd"),
        Case(
            name: "list position", template: "{{#items}}{{index()}}{{#first()}}^{{/first()}}{{#last()}}${{/last()}}{{^last()}},{{/last()}}{{/items}}", context: page,
            expected: "0^,1,2$"),
        Case(name: "nested transforms apply innermost first", template: "{{#items}}{{plusone(index())}}{{/items}}", context: page, expected: "123"),
        Case(
            name: "inheritance: a block overridden by the caller", template: "{{<base}}{{$title}}子页{{/title}}{{/base}}", context: [:],
            partials: ["base": "<title>{{$title}}默认{{/title}}</title>{{$footer}}页脚{{/footer}}"], expected: "<title>子页</title>页脚"),
    ]

    @Test("renders", arguments: cases)
    func renders(_ example: Case) throws {
        let library = try Self.library(example)
        let output = try #require(library.render("main", context: example.context))
        #expect(output.html == example.expected)
        #expect(!output.partialDepthExceeded)
        if !example.differsFromSwiftMustache {
            #expect(output.html == (try Self.swiftMustache(example)), "swift-mustache renders this differently")
        }
    }

    static func library(_ example: Case) throws -> TemplateLibrary {
        var templates = ["main": try Template(parsing: example.template)]
        for (name, text) in example.partials { templates[name] = try Template(parsing: text) }
        return TemplateLibrary(templates: templates)
    }

    static func swiftMustache(_ example: Case) throws -> String? {
        var library = MustacheLibrary()
        library.register(try MustacheTemplate(string: example.template), named: "main")
        for (name, text) in example.partials { library.register(try MustacheTemplate(string: text), named: name) }
        return library.render(example.context.anyValue, withTemplate: "main")
    }

    struct Invalid: Sendable, CustomTestStringConvertible {
        let template: String
        let line: Int
        let column: Int
        let message: String
        var testDescription: String { template }
    }

    @Test(
        "syntax errors point at the tag",
        arguments: [
            Invalid(template: "a\n  {{#items}}x", line: 2, column: 3, message: "never closed"),
            Invalid(template: "{{#a}}\n{{/b}}", line: 2, column: 1, message: "closes `a`, opened at line 1, column 1"),
            Invalid(template: "x{{/a}}", line: 1, column: 2, message: "closes no open section"),
            Invalid(template: "一二 {{title", line: 1, column: 8, message: "unclosed tag"),
            Invalid(template: "{{ 标题 }}", line: 1, column: 1, message: "not a valid name"),
            Invalid(template: "{{}}", line: 1, column: 1, message: "empty tag name"),
            Invalid(template: "{{%CONTENT_TYPE:TEXT}}", line: 1, column: 1, message: "not supported"),
            Invalid(template: "{{!\nnote\n}}\n  {{=<% %>}}", line: 4, column: 3, message: "unclosed tag"),
            Invalid(template: "{{empty(title}}", line: 1, column: 1, message: "transform"),
            Invalid(template: "{{<base}}text{{> other}}{{/base}}", line: 1, column: 1, message: "only `{{$ block}}`"),
        ])
    func syntaxErrors(_ example: Invalid) {
        #expect {
            _ = try Template(parsing: example.template)
        } throws: { error in
            guard let error = error as? TemplateSyntaxError else { return false }
            return error.line == example.line && error.column == example.column && error.message.contains(example.message)
        }
    }

    @Test("partial references are listed with positions, and dynamic partials flagged")
    func partialReferences() throws {
        let template = try Template(parsing: "<p>\n  {{> head}}{{< base}}{{/base}}\n{{>* kind}}")
        #expect(template.partialReferences.map(\.name) == ["head", "base"])
        #expect(template.partialReferences.map(\.line) == [2, 2])
        #expect(template.partialReferences.map(\.column) == [3, 13])
        #expect(template.hasDynamicPartials)
    }

    @Test("a partial that includes itself stops at the depth limit and says so")
    func recursionIsBounded() throws {
        let library = TemplateLibrary(templates: ["main": try Template(parsing: "{{> loop}}"), "loop": try Template(parsing: "x{{> loop}}")])
        let output = try #require(library.render("main", context: [:]))
        #expect(output.partialDepthExceeded)
        #expect(output.html == String(repeating: "x", count: TemplateLibrary.maxPartialDepth))
    }

    @Test("a recursive partial renders a tree, stopped by its data")
    func recursiveTree() throws {
        let library = TemplateLibrary(templates: [
            "main": try Template(parsing: "{{> node}}"),
            "node": try Template(parsing: "<li>{{name}}{{^empty(children)}}<ul>{{#children}}{{> node}}{{/children}}</ul>{{/empty(children)}}</li>"),
        ])
        // Leaves say they have no children: a missing name would be looked up in the
        // parent's context (Mustache climbs the stack), which is the parent's own list.
        let tree: TemplateValue = [
            "name": "达州",
            "children": [["name": "大竹县", "children": []], ["name": "开江县", "children": [["name": "任市镇", "children": []]]]],
        ]
        let output = try #require(library.render("main", context: tree))
        #expect(output.html == "<li>达州<ul><li>大竹县</li><li>开江县<ul><li>任市镇</li></ul></li></ul></li>")
        #expect(!output.partialDepthExceeded)
    }
}

extension TemplateValue {
    /// The same value as swift-mustache reads it: dictionaries, arrays and scalars.
    var anyValue: Any {
        switch self {
        case .string(let text): text
        case .bool(let value): value
        case .int(let value): value
        case .list(let items): items.map(\.anyValue)
        case .map(let values): values.mapValues(\.anyValue)
        }
    }
}
