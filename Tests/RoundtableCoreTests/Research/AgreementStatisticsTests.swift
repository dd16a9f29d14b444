import Foundation
import Testing
@testable import RoundtableCore

/// Percent agreement, Cohen's κ and Krippendorff's α, against the literature and against Python.
@Suite("Agreement statistics")
struct AgreementStatisticsTests {
    /// Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C: nominal data,
    /// four observers, twelve units, missing values (unit 12 has one value and is not pairable).
    static let paper: [[Int?]] = [
        [1, 2, 3, 3, 2, 1, 4, 1, 2, nil, nil, nil],
        [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, nil, 3],
        [nil, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, nil],
        [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, nil],
    ]

    @Test("the paper's worked example: α = 0.743, n = 40, the same as the krippendorff package")
    func paperExample() throws {
        let alpha = KrippendorffAlpha(ReliabilityData(rows: Self.paper))
        #expect(alpha.pairableValues == 40)
        let value = try #require(alpha.value)
        #expect(String(format: "%.3f", value) == "0.743")
        // Σ o_cc = 32 and Σ n_c² = 384, so α = 1 − 39 · (40 − 32) / (1600 − 384) = 113/152.
        #expect(alpha.matches == 32 && alpha.squaredValueTotals == 384)
        #expect(abs(value - 113.0 / 152.0) < 1e-12)
        let reference = try #require(try AgreementReference.values([Self.paper]).first?.alpha)
        #expect(abs(value - reference) < 1e-9, "ours \(value), krippendorff package \(reference)")
        #expect(CohenKappa(ReliabilityData(rows: Self.paper)) == nil, "κ compares two coders only")
    }

    /// Seeded random matrices: coders, units, values, and the chance a value is missing.
    static func generated() -> [[[Int?]]] {
        let shapes: [(coders: Int, units: Int, values: Int, missing: Double)] = [
            (2, 10, 2, 0), (2, 40, 2, 0), (2, 60, 3, 0), (2, 200, 5, 0), (2, 30, 4, 0.15), (2, 80, 2, 0.3),
            (3, 20, 2, 0), (3, 50, 4, 0.2), (4, 12, 5, 0.25), (5, 30, 3, 0.4), (6, 100, 2, 0.1), (10, 15, 7, 0.5),
        ]
        var random = SeededGenerator(seed: 20_261_204)
        var cases: [[[Int?]]] = []
        for shape in shapes {
            for _ in 0..<3 {
                // A shared "true" value per unit that coders follow most of the time gives α across its range.
                let fidelity = Double.random(in: 0...1, using: &random)
                let truth = (0..<shape.units).map { _ in Int.random(in: 1...shape.values, using: &random) }
                cases.append((0..<shape.coders).map { _ in
                    truth.map { value -> Int? in
                        if Double.random(in: 0..<1, using: &random) < shape.missing { return nil }
                        return Double.random(in: 0..<1, using: &random) < fidelity
                            ? value : Int.random(in: 1...shape.values, using: &random)
                    }
                })
            }
        }
        return cases
    }

    @Test("α and κ equal the krippendorff package and scikit-learn to 1e-9 on generated data")
    func againstPython() throws {
        let cases = Self.generated()
        let references = try AgreementReference.values(cases)
        try #require(references.count == cases.count)
        var compared = (alpha: 0, kappa: 0)
        for (rows, reference) in zip(cases, references) {
            let data = ReliabilityData(rows: rows)
            let alpha = KrippendorffAlpha(data).value
            #expect((alpha == nil) == (reference.alpha == nil), "\(rows): ours \(String(describing: alpha)), package \(String(describing: reference.alpha))")
            if let alpha, let expected = reference.alpha {
                #expect(abs(alpha - expected) < 1e-9, "\(rows): ours \(alpha), krippendorff \(expected)")
                compared.alpha += 1
            }
            let kappa = CohenKappa(data)?.value
            #expect((kappa == nil) == (reference.kappa == nil), "\(rows): ours \(String(describing: kappa)), sklearn \(String(describing: reference.kappa))")
            if let kappa, let expected = reference.kappa {
                #expect(abs(kappa - expected) < 1e-9, "\(rows): ours \(kappa), sklearn \(expected)")
                compared.kappa += 1
            }
        }
        #expect(compared.alpha >= 30 && compared.kappa >= 15, "\(compared)")
    }

    @Test("a weighted unit gives exactly what its copies written out give")
    func weightsEqualCopies() {
        var random = SeededGenerator(seed: 7)
        for coders in [2, 3, 5] {
            var weighted = ReliabilityData<Int>(coders: coders)
            var expanded = ReliabilityData<Int>(coders: coders)
            for _ in 0..<40 {
                let values = (0..<coders).map { _ in Int.random(in: 0..<4, using: &random) == 0 ? nil : Int.random(in: 0...2, using: &random) }
                let weight = Int.random(in: 1...50, using: &random)
                weighted.add(values, weight: weight)
                for _ in 0..<weight { expanded.add(values) }
            }
            #expect(weighted.unitCount == expanded.unitCount)
            // Units with the same values are kept once: both hold the same distinct patterns.
            #expect(expanded.units == weighted.units)
            #expect(Set(weighted.units.map(\.values)).count == weighted.units.count)
            if coders == 2 { #expect(weighted.units.count <= 16, "4 × 4 patterns of nil, 0, 1, 2") }
            #expect(KrippendorffAlpha(weighted) == KrippendorffAlpha(expanded))
            #expect(KrippendorffAlpha(weighted).value == KrippendorffAlpha(expanded).value)
            #expect(PercentAgreement(weighted) == PercentAgreement(expanded))
            #expect(CohenKappa(weighted)?.value == CohenKappa(expanded)?.value)
        }
    }

    @Test("percent agreement counts units where every coder who gave a value agrees")
    func percentAgreement() {
        let data = ReliabilityData<Int>(rows: [[1, 1, 2, nil, 3], [1, 2, 2, 1, nil], [1, 1, nil, 1, nil]])
        let percent = PercentAgreement(data)
        // Units 1, 3 and 4 agree fully; unit 2 does not; unit 5 has one value and is not compared.
        #expect(percent.units == 4 && percent.agreeing == 3)
        #expect(percent.percent == 75)
        #expect(PercentAgreement(ReliabilityData<Int>(rows: [[1, nil], [nil, 2]])).percent == nil)
    }

    @Test("κ by hand: p_o = 0.8, p_e = 0.5, κ = 0.6")
    func kappaByHand() throws {
        let kappa = try #require(CohenKappa(ReliabilityData<Bool>(rows: [
            [true, true, true, true, true, false, false, false, false, false],
            [true, true, true, true, false, true, false, false, false, false],
        ])))
        #expect(kappa.observed == 0.8 && kappa.expected == 0.5)
        #expect(abs(try #require(kappa.value) - 0.6) < 1e-15)
    }

    @Test("without variation or pairable units α and κ are undefined, and α says why")
    func undefined() {
        let same = ReliabilityData<Bool>(rows: [[false, false, false], [false, false, false]])
        #expect(KrippendorffAlpha(same).value == nil)
        #expect(KrippendorffAlpha(same).undefinedReason == "no variation: every coder gave every unit the same value")
        #expect(CohenKappa(same)?.value == nil)
        #expect(PercentAgreement(same).percent == 100)
        let lonely = ReliabilityData<Int>(rows: [[1, nil], [nil, 2]])
        #expect(KrippendorffAlpha(lonely).value == nil)
        #expect(KrippendorffAlpha(lonely).undefinedReason == "no unit has values from two coders to compare")
        #expect(CohenKappa(lonely)?.value == nil)
        #expect(KrippendorffAlpha(ReliabilityData<Int>(coders: 2)).value == nil)
    }

    @Test("perfect agreement with variation is α = κ = 1; systematic disagreement is below 0")
    func extremes() {
        let perfect = ReliabilityData<Int>(rows: [[1, 2, 3, 1], [1, 2, 3, 1]])
        #expect(KrippendorffAlpha(perfect).value == 1)
        #expect(CohenKappa(perfect)?.value == 1)
        let opposed = ReliabilityData<Bool>(rows: [[true, false, true, false], [false, true, false, true]])
        #expect(KrippendorffAlpha(opposed).value! < 0)
        #expect(CohenKappa(opposed)?.value == -1)
    }
}
