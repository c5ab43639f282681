/// The template lint's messages (`TemplateLint`): each names the tag as written and says
/// what to write instead. The rules are in docs/TEMPLATES.md, "Safe templates".
extension Diagnostic.Message {
    static func templateUnescaped(_ tag: String, name: String) -> Self {
        .init(
            id: "template-unescaped",
            text: "'\(tag)' inserts '\(name)' without escaping; only page.content, between tags, may be inserted as HTML: write {{name}}",
            zh: "“\(tag)”不经转义直接插入了值；只有 page.content 可以在标签之间作为 HTML 插入，其他值请写成 {{名称}}")
    }
    static func templateInTag(_ tag: String) -> Self {
        .init(
            id: "template-in-tag",
            text: "'\(tag)' is inside a tag but not inside a quoted attribute value, so a value could add attributes such as onclick: write name=\"\(tag)\"",
            zh: "“\(tag)”位于标签之内、却不在带引号的属性值中，取值可能借此添加 onclick 等属性；请写成 属性名=\"\(tag)\"")
    }
    static func templateUnquotedAttribute(_ tag: String, attribute: String) -> Self {
        .init(
            id: "template-unquoted-attribute",
            text: "'\(tag)' is in the unquoted value of '\(attribute)': a space in the value starts a new attribute; write \(attribute)=\"\(tag)\"",
            zh: "“\(tag)”位于属性“\(attribute)”不带引号的值中，取值中的空格会另起一个属性；请写成 \(attribute)=\"\(tag)\"")
    }
    static func templateRawText(_ tag: String, element: String) -> Self {
        .init(
            id: "template-in-\(element)",
            text: "'\(tag)' is inside <\(element)>, where HTML escaping does not protect: put the value in a data- attribute and read it from the \(element == "script" ? "script" : "stylesheet")",
            zh: "“\(tag)”位于 <\(element)> 之内，HTML 转义在这里不起保护作用；请把值放进 data- 属性，再由\(element == "script" ? "脚本" : "样式表")读取")
    }
    static func templateJSONLD(_ tag: String) -> Self {
        .init(
            id: "template-json-ld",
            text: "'\(tag)' builds JSON-LD from a value that is not escaped inside a JSON string: use {{name}} between double quotes only",
            zh: "“\(tag)”用未转义、或不在 JSON 字符串之内的值构造 JSON-LD；只能在双引号之内使用 {{名称}}")
    }
    static func templateEventAttribute(_ tag: String, attribute: String) -> Self {
        .init(
            id: "template-event-attribute",
            text: "'\(tag)' is in '\(attribute)', whose value runs as JavaScript (an event handler) or HTML (srcdoc): escaping does not make a value safe there",
            zh: "“\(tag)”位于属性“\(attribute)”中，该属性的内容会作为 JavaScript（事件属性）或 HTML（srcdoc）执行，转义不能保证安全")
    }
    static func templateStyleAttribute(_ tag: String) -> Self {
        .init(
            id: "template-style-attribute",
            text: "'\(tag)' is in a style attribute, where a value can load URLs or hide content: use a class instead",
            zh: "“\(tag)”位于 style 属性中，取值可能借此加载外部地址或隐藏内容；请改用 class")
    }
    static func templateUncheckedURL(_ tag: String, attribute: String) -> Self {
        .init(
            id: "template-unchecked-url",
            text:
                "'\(tag)' starts the URL in '\(attribute)' with a value Qingshan has not checked, which could be javascript:…; use a URL Qingshan built (url, root, assets…), a front-matter key named like a URL (link, …URL), or {{safeURL(name)}}",
            zh: "“\(tag)”以未经检查的值开始“\(attribute)”中的地址，取值可能是 javascript:…；请使用 Qingshan 生成的地址（url、root、assets 等）、以地址命名的前置字段（link、…URL），或写成 {{safeURL(名称)}}")
    }
    static func partialOutsideTheme(_ name: String) -> Self {
        .init(
            id: "partial-outside-theme",
            text: "partial '\(name)' climbs out of partials/: a partial name is a path inside the theme's partials/ folder, without '..' or a leading '/'",
            zh: "局部模板“\(name)”越出了 partials/ 文件夹：局部模板的名称是主题 partials/ 文件夹内的路径，不能含“..”或以“/”开头")
    }

    static func templateWorkExceeded(layout: String) -> Self {
        .init(
            id: "template-work-exceeded",
            text: "layout '\(layout)' was stopped after \(TemplateLibrary.maxRenderSteps / 1_000_000) million steps or \(TemplateLibrary.maxOutputBytes >> 20) MiB "
                + "(a partial that includes itself more than once, or sections nested over the same list?)",
            zh: "布局“\(layout)”渲染超过 \(TemplateLibrary.maxRenderSteps / 10_000) 万步或 \(TemplateLibrary.maxOutputBytes >> 20) MiB，已停止："
                + "是否有局部模板多次包含自身，或多层区块遍历同一个列表？")
    }
}
