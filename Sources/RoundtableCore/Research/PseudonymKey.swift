import Foundation

/// The key to a pseudonymized export: which participant each study code stands for. It is written
/// to a file of its own (mode 0600) for the researcher to keep apart from the export.
public struct PseudonymKey: Sendable, Equatable {
    /// One study code and the participant behind it.
    public struct Entry: Sendable, Equatable {
        /// The study code used in the export, such as `P01`.
        public var code: String
        /// The participant's key, such as `P-000001`.
        public var participant: String
        /// The participant's name, or nil once they were forgotten.
        public var name: String?

        /// Creates an entry.
        public init(code: String, participant: String, name: String?) {
            self.code = code
            self.participant = participant
            self.name = name
        }
    }

    /// The sessions the export holds, such as `S-0001`.
    public var sessions: [String]
    /// The codes in code order.
    public var pseudonyms: [Entry]

    /// Creates a key.
    public init(sessions: [String] = [], pseudonyms: [Entry] = []) {
        self.sessions = sessions
        self.pseudonyms = pseudonyms
    }

    /// The key as a JSON document: `{"sessions": […], "pseudonyms": [{"code", "participant", "name"}]}`,
    /// keys sorted and indented, UTF-8 with a final newline; a forgotten participant's name is null.
    public func json() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(Document(sessions: sessions, pseudonyms: pseudonyms.map(EncodedEntry.init)))
        data.append(0x0A)
        return data
    }

    /// The document as written: a forgotten name is written as null rather than left out.
    private struct Document: Encodable {
        var sessions: [String]
        var pseudonyms: [EncodedEntry]
    }

    private struct EncodedEntry: Encodable {
        var entry: Entry
        init(_ entry: Entry) { self.entry = entry }

        enum CodingKeys: String, CodingKey { case code, participant, name }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(entry.code, forKey: .code)
            try container.encode(entry.participant, forKey: .participant)
            try container.encode(entry.name, forKey: .name)
        }
    }
}
