/// Which recorded consent decision is in force: the latest by when it was made, not by when it
/// was stored. A roster may list a withdrawal before the consent it withdraws, or bring an old
/// decision after a newer one is on record; row ids follow file order, so they cannot decide.
enum ConsentInForce {
    /// Orders one person's decisions of one scope, the one in force first (equal times: the
    /// one stored last). The `consent_latest` index finds the person's decisions of the scope;
    /// the few of them are sorted.
    static let latestFirst = "recordedAt DESC, id DESC"

    /// The id of the decision in force for `participant` (an SQL expression) and `scope` (a
    /// quoted literal or an expression).
    static func id(participant: String, scope: String) -> String {
        "(SELECT id FROM consent WHERE participantId = \(participant) AND scope = \(scope) ORDER BY \(latestFirst) LIMIT 1)"
    }
}
