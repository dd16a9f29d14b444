import Foundation
import RoundtableCore
import RoundtableStore

/// `code agreement --format json`: the measures as numbers, with null (and a note) where undefined.
struct AgreementJSON: Encodable {
    /// Percent agreement, κ and α over one set of units.
    struct MeasuresJSON: Encodable {
        var code: String?
        var unitCount: Int
        /// Observed agreement as a share (0–1) of the units.
        var observedAgreement: Double?
        var cohensKappa: Double?
        var krippendorffsAlpha: Double?
        /// Why a measure is null, else null.
        var note: String?

        init(code: String? = nil, _ measures: AgreementMeasures, coders: Int) {
            self.code = code
            unitCount = measures.units
            observedAgreement = measures.percent.percent.map { $0 / 100 }
            cohensKappa = measures.kappa?.value
            krippendorffsAlpha = measures.alpha.value
            var notes: [String] = []
            if coders != 2 { notes.append("Cohen's κ compares exactly two coders") }
            else if cohensKappa == nil { notes.append("Cohen's κ is undefined: no variation") }
            if let reason = measures.alpha.undefinedReason { notes.append("Krippendorff's α is undefined: \(reason)") }
            note = notes.isEmpty ? nil : notes.joined(separator: "; ")
        }

        private enum CodingKeys: String, CodingKey {
            case code, unitCount, observedAgreement, cohensKappa, krippendorffsAlpha, note
        }

        // By hand so an undefined measure is an explicit null, not a missing field.
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(code, forKey: .code)
            try container.encode(unitCount, forKey: .unitCount)
            try container.encode(observedAgreement, forKey: .observedAgreement)
            try container.encode(cohensKappa, forKey: .cohensKappa)
            try container.encode(krippendorffsAlpha, forKey: .krippendorffsAlpha)
            try container.encode(note, forKey: .note)
        }
    }

    /// A unit the coders disagree on.
    struct DisagreementJSON: Encodable {
        var utterance: String
        var code: String
        var spanStart: Int
        var spanEnd: Int
        var text: String
        var appliedBy: [String]
        var notBy: [String]
    }

    var session: String
    var sessionTitle: String
    var unit: String
    var coders: [String]
    var utteranceCount: Int
    var sessionUtteranceCount: Int
    var overall: MeasuresJSON
    var codes: [MeasuresJSON]
    var disagreements: [DisagreementJSON]

    init(_ report: AgreementReport) {
        session = "\(report.session.key)"
        sessionTitle = report.session.title
        unit = report.unit.rawValue
        coders = report.coders
        utteranceCount = report.utterances
        sessionUtteranceCount = report.sessionUtterances
        overall = MeasuresJSON(report.overall, coders: report.coders.count)
        codes = report.codes.map { MeasuresJSON(code: $0.code, $0.measures, coders: report.coders.count) }
        disagreements = report.disagreements.map {
            DisagreementJSON(utterance: "\($0.utterance)", code: $0.code, spanStart: $0.span.start, spanEnd: $0.span.end,
                             text: $0.text, appliedBy: $0.appliedBy, notBy: $0.notBy)
        }
    }
}
