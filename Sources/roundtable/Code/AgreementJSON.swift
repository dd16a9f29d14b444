import Foundation
import RoundtableCore
import RoundtableStore

/// `code agreement --format json`: the measures as numbers, with null (and a note) where undefined.
struct AgreementJSON: Encodable {
    /// Percent agreement, κ and α over one set of units.
    struct MeasuresJSON: Encodable {
        var code: String?
        var units: Int
        var percentAgreement: Double?
        var cohensKappa: Double?
        var krippendorffsAlpha: Double?
        /// Why a measure is null, else null.
        var note: String?

        init(code: String? = nil, _ measures: AgreementMeasures, coders: Int) {
            self.code = code
            units = measures.units
            percentAgreement = measures.percent.percent
            cohensKappa = measures.kappa?.value
            krippendorffsAlpha = measures.alpha.value
            var notes: [String] = []
            if coders != 2 { notes.append("Cohen's κ compares exactly two coders") }
            else if cohensKappa == nil { notes.append("Cohen's κ is undefined: no variation") }
            if let reason = measures.alpha.undefinedReason { notes.append("Krippendorff's α is undefined: \(reason)") }
            note = notes.isEmpty ? nil : notes.joined(separator: "; ")
        }

        private enum CodingKeys: String, CodingKey {
            case code, units, percentAgreement, cohensKappa, krippendorffsAlpha, note
        }

        // By hand so an undefined measure is an explicit null, not a missing field.
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encodeIfPresent(code, forKey: .code)
            try container.encode(units, forKey: .units)
            try container.encode(percentAgreement, forKey: .percentAgreement)
            try container.encode(cohensKappa, forKey: .cohensKappa)
            try container.encode(krippendorffsAlpha, forKey: .krippendorffsAlpha)
            try container.encode(note, forKey: .note)
        }
    }

    /// A unit the coders disagree on.
    struct DisagreementJSON: Encodable {
        var utterance: String
        var code: String
        var start: Int
        var end: Int
        var text: String
        var appliedBy: [String]
        var notBy: [String]
    }

    var session: String
    var title: String
    var unit: String
    var coders: [String]
    var utterances: Int
    var sessionUtterances: Int
    var overall: MeasuresJSON
    var codes: [MeasuresJSON]
    var disagreements: [DisagreementJSON]

    init(_ report: AgreementReport) {
        session = "\(report.session.key)"
        title = report.session.title
        unit = report.unit.rawValue
        coders = report.coders
        utterances = report.utterances
        sessionUtterances = report.sessionUtterances
        overall = MeasuresJSON(report.overall, coders: report.coders.count)
        codes = report.codes.map { MeasuresJSON(code: $0.code, $0.measures, coders: report.coders.count) }
        disagreements = report.disagreements.map {
            DisagreementJSON(utterance: "\($0.utterance)", code: $0.code, start: $0.span.start, end: $0.span.end,
                             text: $0.text, appliedBy: $0.appliedBy, notBy: $0.notBy)
        }
    }
}
