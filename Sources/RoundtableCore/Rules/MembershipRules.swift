import Foundation

/// Rules for panel terms.
public enum MembershipRules {
    /// A term end is a real `yyyy-MM-dd` date that has not passed.
    public static func checkTermEnd(_ text: String, now: Date) throws {
        guard let parsed = try? InstantParser.parse(text + "T00:00"), parsed.offsetSeconds == nil else {
            throw RoundtableError.usage("--term-end '\(text)' must be a date such as 2027-12-31")
        }
        let endOfTerm = Date(timeIntervalSince1970: TimeInterval(parsed.local.secondsAsIfUTC + 86_400))
        guard endOfTerm > now else {
            throw RoundtableError.rule("--term-end \(text) has already passed")
        }
    }
}
