import Foundation

/// Fixed slots that parallel workers fill, each its own index.
final class ResultSlots<Value: Sendable>: @unchecked Sendable {
    fileprivate var storage: [Value?]
    fileprivate let lock = NSLock()

    init(count: Int) { storage = Array(repeating: nil, count: count) }

    subscript(index: Int) -> Value {
        get { lock.withLock { storage[index]! } }
        set { lock.withLock { storage[index] = newValue } }
    }

    var values: [Value] { lock.withLock { storage.map { $0! } } }
}

extension ResultSlots where Value == Int {
    /// Adds one to slot `index` and returns the new value, atomically.
    func increment(_ index: Int) -> Int {
        lock.withLock {
            storage[index] = (storage[index] ?? 0) + 1
            return storage[index]!
        }
    }
}
