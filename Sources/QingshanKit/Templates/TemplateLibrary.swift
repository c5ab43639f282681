/// Named templates (layouts and partials) and the renderer over `TemplateValue`s.
struct TemplateLibrary: Sendable {
    let templates: [String: Template]

    /// Partials may include themselves (to draw a tree); this bounds how deep, so a
    /// partial that includes itself unconditionally fails instead of overflowing the stack.
    static let maxPartialDepth = 64
    /// Depth alone does not bound the work: a partial that includes itself twice, or
    /// sections nested over the same list, renders exponentially many times within it
    /// (found by the template fuzzer: two self-inclusions 64 deep ran out of memory).
    /// A rendering stops after this many template nodes or output bytes; a real page
    /// takes thousands of nodes and well under a megabyte.
    static let maxRenderSteps = 5_000_000
    static let maxOutputBytes = 256 << 20
    /// This library's step budget (`maxRenderSteps`; tests lower it).
    var maxSteps = TemplateLibrary.maxRenderSteps

    struct Output: Sendable {
        /// The rendered page as UTF-8, kept as bytes: it is written and checked as bytes,
        /// and a `String` copy of every page would be one more copy of the site in memory.
        var bytes: [UInt8]
        /// Partials went deeper than `maxPartialDepth`; the deeper ones were left out.
        var partialDepthExceeded: Bool
        /// The rendering went past `maxRenderSteps` or `maxOutputBytes` and was stopped.
        var workExceeded = false

        var html: String { String(decoding: bytes, as: UTF8.self) }
    }

    /// Renders the template `name` with `context` as the outermost object; `nil` when
    /// there is no such template.
    func render(_ name: String, context: TemplateValue) -> Output? {
        guard let template = templates[name] else { return nil }
        var rendering = Rendering(templates: templates, stack: [context], maxSteps: maxSteps)
        rendering.render(template.nodes, position: nil)
        return Output(bytes: rendering.output, partialDepthExceeded: rendering.depthExceeded, workExceeded: rendering.workExceeded)
    }
}

/// Where a list element is in its list: what `{{index()}}`, `{{first()}}`, `{{last()}}`,
/// `{{even()}}` and `{{odd()}}` read.
private struct ListPosition {
    let index: Int
    let count: Int

    func value(_ transform: String) -> TemplateValue? {
        switch transform {
        case "index": .int(index)
        case "first": .bool(index == 0)
        case "last": .bool(index == count - 1)
        case "even": .bool(index & 1 == 0)
        case "odd": .bool(index & 1 == 1)
        default: nil
        }
    }
}

/// One rendering: the output bytes and the context stack.
private struct Rendering {
    let templates: [String: Template]
    var stack: [TemplateValue]
    var output: [UInt8] = []
    /// Prepended to each line of a standalone partial (and of the partials it includes).
    var indentation: [UInt8] = []
    /// The blocks of the `{{< parent}}` tags being rendered; the outermost wins.
    var overrides: [String: [TemplateNode]] = [:]
    var depth = 0
    var depthExceeded = false
    /// Template nodes rendered so far, against `maxSteps`.
    var steps = 0
    let maxSteps: Int
    var workExceeded = false

    init(templates: [String: Template], stack: [TemplateValue], maxSteps: Int) {
        self.templates = templates
        self.stack = stack
        self.maxSteps = maxSteps
        output.reserveCapacity(32 * 1024)
    }

    mutating func render(_ nodes: [TemplateNode], position: ListPosition?) {
        for node in nodes {
            steps += 1
            guard steps <= maxSteps, output.count <= TemplateLibrary.maxOutputBytes else {
                workExceeded = true
                return
            }
            switch node {
            case .text(let text):
                output.append(contentsOf: text)
            case .lineStart:
                if !indentation.isEmpty { output.append(contentsOf: indentation) }
            case .variable(let path, let escaped):
                if let value = lookUp(path, position: position) { append(value.text, escaped: escaped) }
            case .section(let path, let inverted, let body):
                let value = lookUp(path, position: position)
                if inverted {
                    switch value {
                    case nil, .bool(false): render(body, position: position)
                    case .list(let items) where items.isEmpty: render(body, position: position)
                    default: break
                    }
                    continue
                }
                switch value {
                case nil: break
                case .bool(let isTrue):
                    if isTrue { render(body, position: position) }
                case .list(let items):
                    for (index, item) in items.enumerated() {
                        stack.append(item)
                        render(body, position: ListPosition(index: index, count: items.count))
                        stack.removeLast()
                    }
                case let value?:
                    stack.append(value)
                    render(body, position: nil)
                    stack.removeLast()
                }
            case .partial(let name, let valuePath, let indent, let blocks):
                var partialName = name
                if let valuePath {
                    guard case .string(let text)? = lookUp(valuePath, position: position) else { continue }
                    partialName = text
                }
                guard let template = templates[partialName] else { continue }
                guard depth < TemplateLibrary.maxPartialDepth else {
                    depthExceeded = true
                    continue
                }
                let saved = (indentation, overrides)
                indentation += indent
                if let blocks { overrides.merge(blocks) { outer, _ in outer } }
                depth += 1
                render(template.nodes, position: nil)
                depth -= 1
                (indentation, overrides) = saved
            case .block(let name, let defaultBody, let indent):
                let saved = indentation
                indentation += indent
                render(overrides[name] ?? defaultBody, position: nil)
                indentation = saved
            }
        }
    }

    /// Resolves a name: the first part from the innermost object that has it, the rest
    /// inside that value only; then the transforms, innermost first.
    private func lookUp(_ path: TemplatePath, position: ListPosition?) -> TemplateValue? {
        var transforms = path.transforms[...]
        var value: TemplateValue?
        switch path.scope {
        case .listPosition:
            guard let position, let innermost = transforms.popLast() else { return nil }
            value = position.value(innermost)
        case .current:
            value = stack.last
            for name in path.names { value = value?[name] }
        case .stack:
            let first = path.names[0]
            for object in stack.reversed() {
                if let found = object[first] {
                    value = found
                    break
                }
            }
            for name in path.names.dropFirst() { value = value?[name] }
        }
        while let transform = transforms.popLast() {
            value = value?.transformed(transform)
        }
        return value
    }

    /// Appends `text`, escaping `& < > " '` as swift-mustache does when `escaped`.
    private mutating func append(_ text: String, escaped: Bool) {
        var text = text
        text.withUTF8 { bytes in
            guard escaped else {
                output.append(contentsOf: bytes)
                return
            }
            var start = 0
            for index in 0..<bytes.count {
                let replacement: StaticString
                switch bytes[index] {
                case UInt8(ascii: "&"): replacement = "&amp;"
                case UInt8(ascii: "<"): replacement = "&lt;"
                case UInt8(ascii: ">"): replacement = "&gt;"
                case UInt8(ascii: "\""): replacement = "&quot;"
                case UInt8(ascii: "'"): replacement = "&#39;"
                default: continue
                }
                output.append(contentsOf: bytes[start..<index])
                output.append(contentsOf: UnsafeBufferPointer(start: replacement.utf8Start, count: replacement.utf8CodeUnitCount))
                start = index + 1
            }
            output.append(contentsOf: bytes[start...])
        }
    }
}
