/// Where in an HTML document a template's interpolation lands: what `TemplateLint` judges.
enum HTMLContext: Sendable, Equatable {
    /// Between tags: escaped text cannot open a tag here.
    case text
    /// Inside a tag but not in an attribute value: `<a {{x}}>`, `<{{x}}>`.
    case tag
    /// Inside the value of attribute `name` (lowercased).
    /// `schemeFixed`: literal text before this point in the value already holds `:`, `/`,
    /// `?` or `#`, so whatever follows cannot choose the URL's scheme.
    case attributeValue(name: String, quoted: Bool, schemeFixed: Bool)
    /// Raw text of `<script>` or `<style>` (`element` lowercased), where escaping does not apply.
    case rawText(element: String)
    /// Inside `<script type="application/ld+json">`; `inString` when inside a JSON string.
    case jsonLD(inString: Bool)
    /// Inside `<!-- … -->`.
    case comment
}

/// Follows the literal text of a template through HTML's tokenizer states, just far enough
/// to tell each interpolation's `HTMLContext` (a simplified WHATWG tokenizer: no character
/// references, no foreign content). Interpolations themselves are fed as placeholders.
///
/// Sections are read once, in order, as if rendered once: `{{#x}}…{{/x}}` inside a tag or a
/// value keeps the surrounding context, which is how templates use them.
struct HTMLContextScanner {
    private enum State: Equatable {
        case text, tagOpen, tagName, endTag, beforeAttributeName, attributeName, afterAttributeName
        case beforeAttributeValue
        case attributeValue(quote: UInt8?)
        case rawText, comment, declaration
    }

    private var state = State.text
    private var tagName: [UInt8] = []
    private var attributeName: [UInt8] = []
    private var attributeValue: [UInt8] = []
    /// `type` of the `<script>` being read, to tell JSON-LD from JavaScript.
    private var scriptType: [UInt8] = []
    private var schemeFixed = false
    /// The element whose raw text is being read, and for JSON-LD the string state.
    private var rawElement: [UInt8] = []
    private var isJSONLD = false
    private var jsonInString = false
    private var jsonEscape = false
    /// Bytes of the current raw text or comment, to find its end.
    private var tail: [UInt8] = []

    /// The context an interpolation at the current point lands in.
    var context: HTMLContext {
        switch state {
        case .text: .text
        case .tagOpen, .tagName, .endTag, .beforeAttributeName, .attributeName, .afterAttributeName, .declaration: .tag
        case .beforeAttributeValue: .attributeValue(name: name(attributeName), quoted: false, schemeFixed: false)
        case .attributeValue(let quote): .attributeValue(name: name(attributeName), quoted: quote != nil, schemeFixed: schemeFixed)
        case .rawText: isJSONLD ? .jsonLD(inString: jsonInString) : .rawText(element: name(rawElement))
        case .comment: .comment
        }
    }

    /// Reads literal template text.
    mutating func feed(_ bytes: some Sequence<UInt8>) {
        for byte in bytes { step(byte) }
    }

    /// Reads an interpolation's output: non-space text that cannot hold `<`, quotes or `>`.
    mutating func feedInterpolation() {
        switch state {
        case .beforeAttributeValue: state = .attributeValue(quote: nil)
        case .tagOpen: state = .tagName
        case .afterAttributeName, .beforeAttributeName: state = .attributeName
        default: break
        }
    }

    private func name(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self).lowercased() }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0C || byte == 0x0D
    }

    private static func lower(_ byte: UInt8) -> UInt8 {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte
    }

    private mutating func step(_ byte: UInt8) {
        switch state {
        case .text:
            if byte == UInt8(ascii: "<") { state = .tagOpen }
        case .tagOpen: tagOpen(byte)
        case .tagName:
            if Self.isSpace(byte) {
                state = .beforeAttributeName
            } else if byte == UInt8(ascii: ">") {
                endStartTag()
            } else if byte == UInt8(ascii: "/") {
                state = .beforeAttributeName
            } else {
                tagName.append(Self.lower(byte))
            }
        case .endTag:
            if byte == UInt8(ascii: ">") { state = .text }
        case .declaration:
            tail.append(byte)
            if tail.elementsEqual("--".utf8) {
                state = .comment
                tail = []
            } else if byte == UInt8(ascii: ">") {
                state = .text
            }
        case .beforeAttributeName, .afterAttributeName: inTag(byte)
        case .attributeName:
            if byte == UInt8(ascii: "=") {
                state = .beforeAttributeValue
            } else if Self.isSpace(byte) {
                state = .afterAttributeName
            } else if byte == UInt8(ascii: ">") {
                endStartTag()
            } else {
                attributeName.append(Self.lower(byte))
            }
        case .beforeAttributeValue: beforeValue(byte)
        case .attributeValue(let quote): inValue(byte, quote: quote)
        case .rawText: inRawText(byte)
        case .comment:
            tail.append(byte)
            if tail.count >= 3, tail.suffix(3).elementsEqual("-->".utf8) { state = .text }
        }
    }

    private mutating func tagOpen(_ byte: UInt8) {
        tagName = []
        scriptType = []
        if byte == UInt8(ascii: "!") || byte == UInt8(ascii: "?") {
            state = .declaration
            tail = []
        } else if byte == UInt8(ascii: "/") {
            state = .endTag
        } else if (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z") {
            state = .tagName
            tagName = [Self.lower(byte)]
        } else {
            state = .text  // `a < b` is text
            if byte == UInt8(ascii: "<") { state = .tagOpen }
        }
    }

    private mutating func inTag(_ byte: UInt8) {
        if byte == UInt8(ascii: ">") {
            endStartTag()
        } else if byte == UInt8(ascii: "=") && state == .afterAttributeName {
            state = .beforeAttributeValue
        } else if !Self.isSpace(byte) && byte != UInt8(ascii: "/") {
            state = .attributeName
            attributeName = [Self.lower(byte)]
        }
    }

    private mutating func beforeValue(_ byte: UInt8) {
        attributeValue = []
        schemeFixed = false
        if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
            state = .attributeValue(quote: byte)
        } else if byte == UInt8(ascii: ">") {
            endStartTag()
        } else if !Self.isSpace(byte) {
            state = .attributeValue(quote: nil)
            inValue(byte, quote: nil)
        }
    }

    private mutating func inValue(_ byte: UInt8, quote: UInt8?) {
        let ends = quote.map { byte == $0 } ?? (Self.isSpace(byte) || byte == UInt8(ascii: ">"))
        if ends {
            if tagName.elementsEqual("script".utf8), attributeName.elementsEqual("type".utf8) { scriptType = attributeValue.map(Self.lower) }
            state = .beforeAttributeName
            if quote == nil, byte == UInt8(ascii: ">") { endStartTag() }
            return
        }
        attributeValue.append(byte)
        if byte == UInt8(ascii: ":") || byte == UInt8(ascii: "/") || byte == UInt8(ascii: "?") || byte == UInt8(ascii: "#") {
            schemeFixed = true
        } else if byte == UInt8(ascii: ","), attributeName.elementsEqual("srcset".utf8) {
            schemeFixed = false  // the next image candidate starts its own URL
        }
    }

    private mutating func endStartTag() {
        attributeName = []
        guard tagName.elementsEqual("script".utf8) || tagName.elementsEqual("style".utf8) else {
            state = .text
            return
        }
        state = .rawText
        rawElement = tagName
        isJSONLD = rawElement.elementsEqual("script".utf8) && scriptType.elementsEqual("application/ld+json".utf8)
        jsonInString = false
        jsonEscape = false
        tail = []
    }

    private mutating func inRawText(_ byte: UInt8) {
        tail.append(Self.lower(byte))
        let end = Array("</".utf8) + rawElement
        if tail.count >= end.count, tail.suffix(end.count).elementsEqual(end) {
            state = .endTag
            return
        }
        if tail.count > 64 { tail.removeFirst(tail.count - end.count) }
        guard isJSONLD else { return }
        if jsonEscape {
            jsonEscape = false
        } else if jsonInString && byte == UInt8(ascii: "\\") {
            jsonEscape = true
        } else if byte == UInt8(ascii: "\"") {
            jsonInString.toggle()
        }
    }
}
