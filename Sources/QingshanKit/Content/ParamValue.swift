/// A front-matter field Qingshan does not know, kept with its shape so templates can
/// walk lists and mappings (`{{#page.params.figures}}{{value}} {{label}}{{/page.params.figures}}`).
/// Scalars stay text exactly as written: nothing is guessed.
public indirect enum ParamValue: Sendable, Hashable, CustomStringConvertible {
    case text(String)
    case list([ParamValue])
    /// Pairs in file order.
    case map([Pair])

    public struct Pair: Sendable, Hashable {
        public var key: String
        public var value: ParamValue
    }

    /// Lists joined with `、`, mappings as `key: value` joined with `；` (for text use).
    public var description: String {
        switch self {
        case .text(let text): text
        case .list(let items): items.map(\.description).joined(separator: "、")
        case .map(let pairs): pairs.map { "\($0.key): \($0.value)" }.joined(separator: "；")
        }
    }

    /// A compact encoding for the build cache.
    func write(to writer: inout BinaryWriter) {
        switch self {
        case .text(let text):
            writer.write(0)
            writer.write(text)
        case .list(let items):
            writer.write(1)
            writer.write(items.count)
            for item in items { item.write(to: &writer) }
        case .map(let pairs):
            writer.write(2)
            writer.write(pairs.count)
            for pair in pairs {
                writer.write(pair.key)
                pair.value.write(to: &writer)
            }
        }
    }

    static func read(from reader: inout BinaryReader, depth: Int = 0) -> ParamValue? {
        guard depth < 64, let tag = reader.readInt() else { return nil }
        switch tag {
        case 0: return reader.readString().map(ParamValue.text)
        case 1:
            guard let count = reader.readInt(), count >= 0 else { return nil }
            var items: [ParamValue] = []
            for _ in 0..<count {
                guard let item = read(from: &reader, depth: depth + 1) else { return nil }
                items.append(item)
            }
            return .list(items)
        case 2:
            guard let count = reader.readInt(), count >= 0 else { return nil }
            var pairs: [Pair] = []
            for _ in 0..<count {
                guard let key = reader.readString(), let value = read(from: &reader, depth: depth + 1) else { return nil }
                pairs.append(Pair(key: key, value: value))
            }
            return .map(pairs)
        default: return nil
        }
    }
}
