import RoundtableCore

/// Parsing of entity keys as typed on the command line.
enum Keys {
    static func moderator(_ text: String) throws -> EntityKey { try EntityKey(parsing: text, as: .moderator) }
    static func participant(_ text: String) throws -> EntityKey { try EntityKey(parsing: text, as: .participant) }
    static func session(_ text: String) throws -> EntityKey { try EntityKey(parsing: text, as: .session) }
    static func participants(_ texts: [String]) throws -> [EntityKey] { try texts.map(participant) }
}
