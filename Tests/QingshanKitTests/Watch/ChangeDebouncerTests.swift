import Testing

@testable import QingshanKit

/// Driven by made-up instants: no sleeping, no timing assertions.
@Suite struct ChangeDebouncerTests {
    let start = ContinuousClock.Instant.now
    func at(_ milliseconds: Int) -> ContinuousClock.Instant { start.advanced(by: .milliseconds(milliseconds)) }

    @Test func nothingPendingHasNoDeadline() {
        var debouncer = ChangeDebouncer<ContinuousClock.Instant>()
        #expect(debouncer.deadline == nil)
        let batch = debouncer.flush(at: at(10_000))
        #expect(batch == nil)
    }

    @Test func aBurstCollapsesIntoOneBatchAfterTheQuietPeriod() {
        var debouncer = ChangeDebouncer<ContinuousClock.Instant>(quietPeriod: .milliseconds(150))
        // An editor saving: write the temp file, rename it over the original, touch it.
        debouncer.record(["content/pages/.goals.md.swp"], at: at(0))
        debouncer.record(["content/pages/goals.md"], at: at(20))
        debouncer.record(["content/pages/goals.md", "content/data/villages.csv"], at: at(90))
        #expect(debouncer.deadline == at(240))
        let early = debouncer.flush(at: at(239))
        #expect(early == nil)
        let batch = debouncer.flush(at: at(240))
        #expect(batch == ["content/data/villages.csv", "content/pages/goals.md"])
        #expect(!debouncer.hasPending)
        let after = debouncer.flush(at: at(1_000))
        #expect(after == nil)
    }

    @Test func changesAfterAFlushStartANewBatch() {
        var debouncer = ChangeDebouncer<ContinuousClock.Instant>(quietPeriod: .milliseconds(150))
        debouncer.record(["content/pages/a.md"], at: at(0))
        let first = debouncer.flush(at: at(150))
        #expect(first == ["content/pages/a.md"])
        debouncer.record(["content/pages/b.md"], at: at(400))
        #expect(debouncer.deadline == at(550))
        let second = debouncer.flush(at: at(550))
        #expect(second == ["content/pages/b.md"])
    }

    @Test func aFileThatKeepsChangingIsBuiltAfterTheMaximumDelay() {
        var debouncer = ChangeDebouncer<ContinuousClock.Instant>(quietPeriod: .milliseconds(150), maximumDelay: .seconds(1))
        // A change every 100 ms never leaves 150 ms of quiet.
        for step in 0...12 { debouncer.record(["content/data/villages.csv"], at: at(step * 100)) }
        #expect(debouncer.deadline == at(1_000))
        let batch = debouncer.flush(at: at(1_200))
        #expect(batch == ["content/data/villages.csv"])
    }

    @Test func editorTemporariesAloneTriggerNothing() {
        var debouncer = ChangeDebouncer<ContinuousClock.Instant>()
        let kept = debouncer.record(
            ["content/data/~$villages.xlsx", "content/data/3F2A9C1B", "content/data/.~lock.villages.csv#", "content/pages/4913", "content/pages/goals.md~", "content/pages/.#goals.md"],
            at: at(0))
        #expect(!kept)
        #expect(debouncer.deadline == nil)
    }
}
