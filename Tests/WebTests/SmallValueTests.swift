import Foundation
import Testing

@testable import Web

/// The webhook's hand-written JSON must read back, through a real JSON parser, as exactly what went in.
@Suite struct StringJSONObjectTests {
    @Test func everyAwkwardStringReadsBackUnchanged() throws {
        let fields = [
            "quote": "say \"hi\"", "backslash": #"C:\path\"#, "lines": "a\nb\r\nc\td", "controls": "\u{0}\u{1}\u{1f}\u{7f}",
            "unicode": "Rp 10.000 · ✓ 🇮🇩", "slash": "</script>", "": "empty key",
        ]
        let text = StringJSONObject(fields).text
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: String])
        #expect(parsed == fields)
        #expect(!text.contains("\n"))
    }

    @Test func keysAreSortedSoTheSameHeadersGiveTheSameBytes() {
        #expect(StringJSONObject(["b": "2", "a": "1", "c": "3"]).text == #"{"a":"1","b":"2","c":"3"}"#)
        #expect(StringJSONObject([:]).text == "{}")
    }
}

@Suite struct RandomTokenTests {
    @Test func hexTokensHaveTheirLengthOnlyHexDigitsAndNeverRepeat() {
        let tokens = (0..<1000).map { _ in RandomToken.hex(bytes: 16) }
        #expect(tokens.allSatisfy { $0.count == 32 && $0.allSatisfy(\.isHexDigit) && $0 == $0.lowercased() })
        #expect(Set(tokens).count == tokens.count)
        #expect(RandomToken.hex().count == 64)
    }

    /// Rejection sampling must not favour the first characters of the 25-letter alphabet (256 % 25 = 6).
    @Test func codeCharactersAreUniformOverTheAlphabet() {
        let alphabet = RandomToken.unambiguousAlphabet
        var counts: [Character: Int] = [:]
        let codes = 20_000
        for _ in 0..<codes {
            let code = RandomToken.code(length: 10)
            #expect(code.count == 10)
            for character in code { counts[character, default: 0] += 1 }
        }
        #expect(Set(counts.keys).isSubset(of: Set(alphabet)))
        #expect(counts.count == alphabet.count)
        let expected = Double(codes * 10) / Double(alphabet.count)
        let chiSquare = counts.values.reduce(0.0) { $0 + pow(Double($1) - expected, 2) / expected }
        // 24 degrees of freedom: above 80 happens by chance about once in ten million runs. A bias of
        // 256 % 25 would give the first six characters ~2.3 % more, a chi-square in the hundreds.
        #expect(chiSquare < 80, "chi-square \(chiSquare)")
    }
}

@Suite struct TrimmedTests {
    @Test func trimsWhatFoundationTrimsAndNothingInside() {
        let samples = ["", "   ", "\n\t x \r\n", "a b", " \u{00A0}nbsp\u{2003} ", "\u{3000}全角\u{3000}", "é\u{301} ", "x"]
        for sample in samples {
            #expect(sample.trimmed == sample.trimmingCharacters(in: .whitespacesAndNewlines), "\(sample.debugDescription)")
        }
    }
}
