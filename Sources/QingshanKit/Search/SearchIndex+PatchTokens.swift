/// The `tokens` part of a patched index (see `SearchIndex+Patch.swift`): each changed
/// token's postings re-encoded from its old encoding, the order updated for tokens that
/// appeared or disappeared, and the rest copied from the last index in runs.
extension SearchIndex {
    /// The tokens part: the changed tokens' postings re-encoded, the tokens that lost their
    /// last posting dropped, the new ones placed in byte order, the rest copied.
    static func patchTokens(_ changes: [PostingChange], old: SearchTokenCache, into made: inout SearchTokenCache) -> Bool {
        let tokenCount = made.table.count
        var rankOf = [Int32](repeating: -1, count: tokenCount)
        for (rank, token) in old.order.enumerated() { rankOf[Int(token)] = Int32(rank) }
        // Per changed token, its new postings (empty: no document has it any more).
        var slotOf = [Int32](repeating: -1, count: tokenCount)
        var values: [[UInt8]] = []
        var died = false
        var born: [Int] = []
        var start = changes.startIndex
        let patchedAll = old.tokenBytes.withUnsafeBufferPointer { bytes -> Bool in
            while start < changes.endIndex {
                let token = Int(changes[start].token)
                var end = start + 1
                while end < changes.endIndex, changes[end].token == changes[start].token { end += 1 }
                let rank = Int(rankOf[token])
                let before =
                    rank < 0
                    ? UnsafeBufferPointer(start: nil, count: 0)
                    : UnsafeBufferPointer(rebasing: bytes[Int(old.valueStarts[rank])..<Int(old.pieceEnds[rank]) - 1])
                guard let value = patch(before, with: changes[start..<end]) else { return false }
                if value.isEmpty, rank >= 0 { died = true }
                if !value.isEmpty, rank < 0 { born.append(token) }
                slotOf[token] = Int32(values.count)
                values.append(value)
                start = end
            }
            return true
        }
        guard patchedAll else { return false }
        var order = old.order
        if died || !born.isEmpty {
            order = newOrder(old: old.order, table: made.table, dropping: { slotOf[Int($0)] >= 0 && values[Int(slotOf[Int($0)])].isEmpty }, adding: born)
        }
        writeTokens(order: order, old: old, rankOf: rankOf, slotOf: slotOf, values: values, into: &made)
        return true
    }

    /// The order without the tokens `dropping` says, with `adding` (tokens not in it)
    /// placed by their bytes.
    private static func newOrder(old: [UInt32], table: TokenTable, dropping: (UInt32) -> Bool, adding: [Int]) -> [UInt32] {
        func text(_ token: Int) -> [UInt8] {
            var bytes: [UInt8] = []
            table.appendUTF8(of: token, to: &bytes)
            return bytes
        }
        // Each new token with the index of the first old token after it.
        let placed = adding.map { token -> (index: Int, text: [UInt8], token: Int) in
            let bytes = text(token)
            var low = 0
            var high = old.count
            while low < high {
                let middle = (low + high) / 2
                if text(Int(old[middle])).lexicographicallyPrecedes(bytes) { low = middle + 1 } else { high = middle }
            }
            return (low, bytes, token)
        }.sorted { $0.index != $1.index ? $0.index < $1.index : $0.text.lexicographicallyPrecedes($1.text) }
        var order: [UInt32] = []
        order.reserveCapacity(old.count + adding.count)
        var next = 0
        for (index, token) in old.enumerated() {
            while next < placed.count, placed[next].index == index {
                order.append(UInt32(placed[next].token))
                next += 1
            }
            if !dropping(token) { order.append(token) }
        }
        for rest in placed[next...] { order.append(UInt32(rest.token)) }
        return order
    }

    /// Writes the tokens part in `order`: a token whose postings and predecessor are
    /// unchanged is copied with its separator, in runs; the others are written.
    private static func writeTokens(
        order: [UInt32], old: SearchTokenCache, rankOf: [Int32], slotOf: [Int32], values: [[UInt8]], into made: inout SearchTokenCache
    ) {
        var out = JavaScriptWriter()
        out.reserveCapacity(old.tokenBytes.count + values.reduce(0) { $0 + $1.count + 16 })
        var starts: [UInt32] = []
        var valueStarts: [UInt32] = []
        var ends: [UInt32] = []
        starts.reserveCapacity(order.count)
        valueStarts.reserveCapacity(order.count)
        ends.reserveCapacity(order.count)
        let table = made.table
        old.tokenBytes.withUnsafeBufferPointer { bytes in
            var run = 0..<0
            func flush() {
                out.raw(bytes: UnsafeBufferPointer(rebasing: bytes[run]))
                run = 0..<0
            }
            for (rank, token) in order.enumerated() {
                let oldRank = Int(rankOf[Int(token)])
                let slot = Int(slotOf[Int(token)])
                let samePredecessor =
                    oldRank >= 0 && (oldRank == 0 ? rank == 0 : rank > 0 && old.order[oldRank - 1] == order[rank - 1])
                if slot < 0, samePredecessor {
                    let unitStart = oldRank == 0 ? 0 : Int(old.pieceEnds[oldRank - 1])
                    if run.upperBound != unitStart || run.isEmpty {
                        flush()
                        run = unitStart..<unitStart
                    }
                    let shift = out.count + run.count - unitStart
                    starts.append(UInt32(Int(old.pieceStarts[oldRank]) + shift))
                    valueStarts.append(UInt32(Int(old.valueStarts[oldRank]) + shift))
                    ends.append(UInt32(Int(old.pieceEnds[oldRank]) + shift))
                    run = run.lowerBound..<Int(old.pieceEnds[oldRank])
                    continue
                }
                flush()
                writeSeparator(before: Int(token), after: rank == 0 ? nil : Int(order[rank - 1]), table: table, to: &out)
                starts.append(UInt32(out.count))
                if slot < 0 {
                    let piece = Int(old.pieceStarts[oldRank])..<Int(old.pieceEnds[oldRank])
                    valueStarts.append(UInt32(out.count + Int(old.valueStarts[oldRank]) - piece.lowerBound))
                    out.raw(bytes: UnsafeBufferPointer(rebasing: bytes[piece]))
                } else {
                    if oldRank >= 0 {
                        out.raw(bytes: UnsafeBufferPointer(rebasing: bytes[Int(old.pieceStarts[oldRank])..<Int(old.valueStarts[oldRank])]))
                    } else {
                        writeKey(of: Int(token), table: table, to: &out)
                    }
                    valueStarts.append(UInt32(out.count))
                    values[slot].withUnsafeBufferPointer { out.raw(bytes: $0) }
                    out.raw("\"")
                }
                ends.append(UInt32(out.count))
            }
            flush()
        }
        made.order = order
        made.tokenBytes = out.bytes
        made.pieceStarts = starts
        made.valueStarts = valueStarts
        made.pieceEnds = ends
    }

    /// `,` inside a group (same first scalar as `previous`), else `},"X":{` (or `"X":{`
    /// for the first token), as ``InvertedIndex/write(to:spans:)`` writes them.
    private static func writeSeparator(before token: Int, after previous: Int?, table: TokenTable, to out: inout JavaScriptWriter) {
        var text: [UInt8] = []
        table.appendUTF8(of: token, to: &text)
        let first = text[0..<utf8Length(lead: text[0])]
        if let previous {
            var before: [UInt8] = []
            table.appendUTF8(of: previous, to: &before)
            if before[0..<utf8Length(lead: before[0])].elementsEqual(first) {
                out.raw(",")
                return
            }
            out.raw("},")
        }
        first.withUnsafeBufferPointer { out.string(utf8: $0) }
        out.raw(":{")
    }

    /// `"rest":"`: the token after its first scalar, up to its postings.
    private static func writeKey(of token: Int, table: TokenTable, to out: inout JavaScriptWriter) {
        var text: [UInt8] = []
        table.appendUTF8(of: token, to: &text)
        text[utf8Length(lead: text[0])...].withUnsafeBufferPointer { out.string(utf8: $0) }
        out.raw(":\"")
    }

    /// Digit values of the posting alphabet by byte; 255 for other bytes.
    private static let digitValues: [UInt8] = {
        var values = [UInt8](repeating: 255, count: 256)
        for (value, byte) in alphabet.enumerated() { values[Int(byte)] = UInt8(value) }
        return values
    }()

    /// A token's encoded postings with `changes` (its own, by document) applied; `nil` when
    /// `old` is not an encoding or a removed posting is not in it.
    private static func patch(_ old: UnsafeBufferPointer<UInt8>, with changes: ArraySlice<PostingChange>) -> [UInt8]? {
        digitValues.withUnsafeBufferPointer { digits -> [UInt8]? in
            // The number at `position` and where it ends.
            func number(at position: Int) -> (value: Int, end: Int)? {
                var value = 0
                var at = position
                while at < old.count, value < 1 << 40 {
                    let digit = digits[Int(old[at])]
                    guard digit != 255 else { return nil }
                    at += 1
                    value = value << 5 | Int(digit & 31)
                    if digit < 32 { return (value, at) }
                }
                return nil
            }
            var out = JavaScriptWriter()
            var position = 0
            var document = 0  // of the posting before `position`
            let first = Int(changes.first!.document)
            while position < old.count {
                guard let (value, end) = number(at: position) else { return nil }
                if document + value >> 3 >= first { break }
                document += value >> 3
                position = end
            }
            out.raw(bytes: UnsafeBufferPointer(rebasing: old[0..<position]))
            var written = document
            func emit(_ d: Int, _ level: Int) {
                appendNumber((d - written) * 8 + level, to: &out)
                written = d
            }
            var next = changes.startIndex
            while next < changes.endIndex {
                let change = changes[next]
                if position < old.count {
                    guard let (value, end) = number(at: position) else { return nil }
                    let d = document + value >> 3
                    if d <= Int(change.document) {
                        if d < Int(change.document) {
                            emit(d, value & 7)
                        } else {
                            if change.level != removed { emit(d, Int(change.level)) }
                            next += 1
                        }
                        document = d
                        position = end
                        continue
                    }
                }
                guard change.level != removed else { return nil }
                emit(Int(change.document), Int(change.level))
                next += 1
            }
            // The next posting's gap is from a changed one; those after it are as they were.
            if position < old.count {
                guard let (value, end) = number(at: position) else { return nil }
                emit(document + value >> 3, value & 7)
                out.raw(bytes: UnsafeBufferPointer(rebasing: old[end...]))
            }
            return out.bytes
        }
    }
}
