import Foundation
import RoundtableCore

/// Percentage agreement, Cohen's κ and Krippendorff's α of one set of binary units.
public struct AgreementMeasures: Sendable, Equatable {
    /// The units compared, counted by weight (utterances, characters, or code × unit when pooled).
    public let units: Int
    /// The share of units every coder valued alike.
    public let percent: PercentAgreement
    /// Cohen's κ; nil unless exactly two coders are compared.
    public let kappa: CohenKappa?
    /// Krippendorff's α, nominal.
    public let alpha: KrippendorffAlpha

    /// Measures `data`.
    public init(_ data: ReliabilityData<Bool>) {
        units = data.unitCount
        percent = PercentAgreement(data)
        kappa = CohenKappa(data)
        alpha = KrippendorffAlpha(data)
    }
}

/// How far coders agree on one code.
public struct CodeAgreementMeasures: Sendable, Equatable {
    /// The code's path.
    public var code: String
    /// Its measures over the session's units.
    public var measures: AgreementMeasures
}

/// Inter-coder agreement on a session's utterances, per code and over all codes.
public struct AgreementReport: Sendable {
    /// The session.
    public var session: Session
    /// What a unit is.
    public var unit: AgreementUnit
    /// The coders compared, in the order given (else sorted).
    public var coders: [String]
    /// The utterances the units come from.
    public var utterances: Int
    /// The utterances of the session in all.
    public var sessionUtterances: Int
    /// Every code's units pooled: each code × unit one binary unit.
    public var overall: AgreementMeasures
    /// Each code some compared coder applied to those utterances, by path.
    public var codes: [CodeAgreementMeasures]
    /// Every unit the coders disagree on, in transcript order.
    public var disagreements: [AgreementDisagreement]
}
