import Foundation

/// Fixed slots that parallel workers fill, each its own index: an array under `Locked`.
final class ResultSlots<Value: Sendable>: Sendable {
    private let storage: Locked<[Value?]>

    init(count: Int) { storage = Locked(Array(repeating: nil, count: count)) }

    subscript(index: Int) -> Value {
        get { storage.withLock { $0[index]! } }
        set { storage.withLock { $0[index] = newValue } }
    }

    var values: [Value] { storage.withLock { $0.map { $0! } } }
}

extension ResultSlots where Value == Int {
    /// Adds one to slot `index` and returns the new value, atomically.
    func increment(_ index: Int) -> Int {
        storage.withLock { slots in
            slots[index] = (slots[index] ?? 0) + 1
            return slots[index]!
        }
    }
}
