import Foundation
import Testing
@testable import RoundtableCore

/// `UnicodeText.composed` skips Foundation's NFC only for text it can prove NFC leaves alone; these
/// tests check that proof against Foundation for every scalar there is.
@Suite("UnicodeText NFC fast path")
struct UnicodeNFCSweepTests {
    /// The scalars of `text`, for comparing without String's canonical equivalence.
    static func scalars(_ text: String) -> [UInt32] { text.unicodeScalars.map(\.value) }

    /// Every scalar NFC may join to the scalar before it: the later parts of the canonical
    /// decomposition of every scalar that NFC composes back (each part, and what each tail composes to).
    static let joiners: Set<UInt32> = {
        var joiners = Set<UInt32>()
        for value: UInt32 in 0...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let text = String(scalar)
            let parts = Array(text.decomposedStringWithCanonicalMapping.unicodeScalars)
            guard parts.count > 1, scalars(text.precomposedStringWithCanonicalMapping) == [value] else { continue }
            for index in 1..<parts.count {
                var tail = String.UnicodeScalarView()
                tail.append(contentsOf: parts[index...])
                joiners.formUnion(parts[index...].map(\.value))
                joiners.formUnion(scalars(String(tail).precomposedStringWithCanonicalMapping))
            }
        }
        return joiners
    }()

    @Test("no scalar the fast path passes is changed by NFC, reordered, or joined to the scalar before it")
    func everyScalar() {
        var passed = 0
        var wrong: [String] = []
        for value: UInt32 in 0...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue } // surrogates are no scalars
            guard UnicodeText.isSurelyComposed(String(scalar)) else { continue }
            passed += 1
            let text = String(scalar)
            if Self.scalars(text.precomposedStringWithCanonicalMapping) != [value]
                || scalar.properties.canonicalCombiningClass != .notReordered || Self.joiners.contains(value) {
                wrong.append("U+" + String(value, radix: 16, uppercase: true))
            }
        }
        #expect(wrong.isEmpty, "the fast path passes \(wrong.count) scalars NFC would touch: \(wrong.prefix(80))")
        #expect(passed > 1_000_000, "the fast path still passes nearly every scalar (\(passed))")
    }

    @Test("the scalars of the issue go through Foundation", arguments: [
        0xFB1D, 0xFB2A, 0xFB4E, 0x1D15E, 0x1D1C0, 0x102E, 0x0B3E, 0x0CC2, 0x1161, 0x11A8, 0x3099, 0x0344, 0x2126, 0xF900,
    ])
    func knownScalars(_ value: UInt32) throws {
        let scalar = try #require(Unicode.Scalar(value))
        #expect(!UnicodeText.isSurelyComposed("a" + String(scalar)))
    }

    @Test("composed() equals Foundation's NFC on text that pairs every joiner with what it joins")
    func composedMatchesFoundation() {
        // Myanmar U+1025 U+102E composes to U+1026; Hebrew U+05E9 U+05C1 is excluded from composition.
        let samples = ["\u{1025}\u{102E}", "\u{FB2A}", "\u{5E9}\u{5C1}", "\u{1D15E}", "\u{1100}\u{1161}\u{11A8}",
                       "\u{AC00}\u{11A8}", "\u{B47}\u{B3E}", "Äijälä \u{1025}\u{102E}", "ka\u{3099}"]
        for text in samples {
            #expect(Self.scalars(UnicodeText.composed(text)) == Self.scalars(text.precomposedStringWithCanonicalMapping),
                    "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
        // Every scalar that can join, after a letter and after itself.
        for value in Self.joiners.sorted() {
            guard let scalar = Unicode.Scalar(value) else { continue }
            for text in ["a" + String(scalar), "\u{1100}" + String(scalar), String(scalar) + String(scalar)] {
                #expect(Self.scalars(UnicodeText.composed(text)) == Self.scalars(text.precomposedStringWithCanonicalMapping))
            }
        }
    }
}
