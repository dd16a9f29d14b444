import RoundtableCore

/// Parsing of entity keys as typed on the command line.
enum Keys {
    static func moderator(_ text: String) throws -> EntityKey { try EntityKey(parsing: text, as: .moderator) }
    static func participant(_ text: String) throws -> EntityKey { try EntityKey(parsing: text, as: .participant) }
    static func session(_ text: String) throws -> EntityKey { try EntityKey(parsing: text, as: .session) }
    /// A participant (`P-000001`) or moderator (`M-0001`) key, as `--speaker` takes it.
    static func speaker(_ text: String) throws -> EntityKey {
        if let key = try? EntityKey(parsing: text, as: .participant) { return key }
        if let key = try? EntityKey(parsing: text, as: .moderator) { return key }
        throw RoundtableError.usage("'\(text)' is not a speaker key (expected a participant like P-000001 or a moderator like M-0001)")
    }
    static func participants(_ texts: [String]) throws -> [EntityKey] { try texts.map(participant) }
}
