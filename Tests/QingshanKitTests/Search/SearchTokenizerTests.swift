import Foundation
import Testing

@testable import QingshanKit

/// One entry of the shared tokenizer vectors.
struct TokenizerVector: Decodable, Sendable, CustomTestStringConvertible {
    var name: String
    var input: String
    var tokens: [String]
    var testDescription: String { name }

    /// The vectors shared with the JavaScript tokenizer's node test.
    static let all: [TokenizerVector] = {
        struct File: Decodable { var vectors: [TokenizerVector] }
        let url = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/search/tokenizer-vectors.json")
        // A missing or broken fixture must fail loudly, not test nothing.
        guard let data = try? Data(contentsOf: url),
            let file = try? JSONDecoder().decode(File.self, from: data)
        else { return [TokenizerVector(name: "fixture unreadable: \(url.path)", input: "x", tokens: [])] }
        return file.vectors
    }()
}

@Suite struct SearchTokenizerTests {
    @Test(arguments: TokenizerVector.all)
    func sharedVector(_ vector: TokenizerVector) {
        #expect(SearchTokenizer.tokens(in: vector.input) == vector.tokens)
    }

    @Test func vectorsCoverTheNamesFromTheIssue() {
        let inputs = Set(TokenizerVector.all.map(\.input))
        for required in ["铜钵河", "联防联控", "农业发展银行", "万达开", "ＡＤＢＣ１２３", "ADBC贷款50.6亿元"] {
            #expect(inputs.contains(required), "missing vector for \(required)")
        }
        #expect(TokenizerVector.all.count >= 20)
    }

    @Test func foldingMatchesBetweenFullWidthAndASCII() {
        #expect(SearchTokenizer.tokens(in: "ａｄｂｃ") == SearchTokenizer.tokens(in: "ADBC"))
        #expect(SearchTokenizer.tokens(in: "Ｗａｎ　Ｄａ") == ["wan", "da"])
    }

    @Test func queryTokensAreASubsetOfDocumentTokens() {
        // Indexing relies on this: a phrase inside a text yields no token the text lacks.
        let document = Set(SearchTokenizer.tokens(in: "中国农业发展银行达州分行支持铜钵河治理"))
        for query in ["农业发展银行", "铜钵河", "达州分行"] {
            #expect(Set(SearchTokenizer.tokens(in: query)).isSubset(of: document))
        }
    }
}
