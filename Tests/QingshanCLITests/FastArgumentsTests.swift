import ArgumentParser
import Testing

@testable import qingshan

/// `BuildInvocation(fastArguments:)` reads the everyday `qingshan build` arguments without
/// ArgumentParser; wherever it answers, its reading must equal ArgumentParser's.
@Suite struct FastArgumentsTests {
    /// ArgumentParser's reading: the arguments given to `qingshan` (build is the default command).
    private func parsed(_ arguments: [String]) throws -> BuildInvocation? {
        (try Qingshan.parseAsRoot(arguments) as? BuildCommand)?.invocation
    }

    @Test(arguments: [
        [], ["build"], ["--clean"], ["build", "--timings", "--dry-run", "--clean"],
        ["--root", "site", "--output", "out"], ["build", "--output=out dir", "--root=站点"],
        ["--lang", "en", "--root", "a=b"], ["--output=a=b", "--lang=zh"],
        ["--dry-run", "--root", "../青山 site", "--timings"],
    ])
    func agreesWithArgumentParser(_ arguments: [String]) throws {
        let fast = try #require(BuildInvocation(fastArguments: arguments))
        #expect(fast == (try parsed(arguments)))
    }

    /// Every order of every everyday option, with and without `build` in front.
    @Test func agreesOnEveryOrder() throws {
        let options = [["--root", "r"], ["--output=o"], ["--lang", "zh"], ["--timings"], ["--clean"], ["--dry-run"]]
        for mask in 0..<(1 << options.count) {
            let chosen = options.indices.filter { mask & (1 << $0) != 0 }.map { options[$0] }
            for arguments in [chosen.flatMap { $0 }, ["build"] + chosen.reversed().flatMap { $0 }] {
                let fast = try #require(BuildInvocation(fastArguments: arguments), "\(arguments)")
                #expect(fast == (try parsed(arguments)), "\(arguments)")
            }
        }
    }

    /// What the fast reader leaves to ArgumentParser: help, other commands, options it does
    /// not know, repeated or empty ones, values that look like options, bad languages.
    @Test(arguments: [
        ["--help"], ["-h"], ["help"], ["build", "--help"], ["check"], ["serve", "--root", "x"],
        ["--watch"], ["--archive", "site.zip"], ["--root"], ["--root", "--clean"], ["--root="],
        ["--clean", "--clean"], ["--root", "a", "--root", "b"], ["--lang", "fr"], ["--timings=yes"],
        ["--version"], ["site"], ["--output", "-o"], ["build", "build"],
    ])
    func leavesTheRestToArgumentParser(_ arguments: [String]) {
        #expect(BuildInvocation(fastArguments: arguments) == nil)
    }
}
