import Foundation

/// Rules for consent decisions that arrive in files rather than from `participant consent`.
public enum ConsentRules {
    /// A decision is recorded when it was made: one dated after `now` has not been made yet, and
    /// would otherwise outrank every real decision of its scope.
    public static func checkRecorded(_ consent: ConsentRecord, now: Date) throws {
        guard consent.at <= now else {
            throw RoundtableError.rule(
                "\(consent.scope.rawValue) consent (version \(consent.version)) is dated \(TimeFormat.utcMilliseconds(consent.at)), "
                    + "after now (\(TimeFormat.utcMilliseconds(now)))")
        }
    }
}
