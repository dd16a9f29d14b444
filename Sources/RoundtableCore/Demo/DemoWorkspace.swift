import Foundation

/// The demo workspace as described by the JSON files in `templates/demo/`.
public struct DemoWorkspace: Sendable {
    /// A moderator, named by `ref` elsewhere in the files.
    public struct ModeratorEntry: Decodable, Sendable {
        public var ref: String, name: String, email: String, timeZone: String
    }

    /// A panel.
    public struct PanelEntry: Decodable, Sendable {
        public var key: String, name: String, kind: PanelKind, description: String?
    }

    /// A participant with attributes, panels and consent scopes.
    public struct ParticipantEntry: Decodable, Sendable {
        public var ref: String, name: String
        public var email: String?, phone: String?, locale: String?, timeZone: String?
        public var attributes: [String: String]?
        public var panels: [String]?
        public var role: String?
        public var consent: [ConsentScope]?
        public var withdrawn: [ConsentScope]?
        public var doNotContact: Bool?
    }

    /// A session placed `day` days from today at local `time` in `timeZone`, with seats by participant ref.
    public struct SessionEntry: Decodable, Sendable {
        public var title: String
        public var panel: String?
        public var kind: SessionKind
        public var day: Int
        public var time: String
        public var timeZone: String
        public var durationMinutes: Int
        public var moderators: [String]
        public var channel: Channel
        public var room: String?
        public var capacity: Int
        public var reserve: Int
        public var complete: Bool?
        public var seats: [String: SeatStatus]
    }

    public var moderators: [ModeratorEntry]
    public var panels: [PanelEntry]
    public var participants: [ParticipantEntry]
    public var sessions: [SessionEntry]
    /// Concepts, reactions, a transcript with codings, notes, comment cards and surveys.
    public var research: DemoResearch

    /// Reads `moderators.json`, `panels.json`, `participants.json`, `sessions.json` and
    /// `research.json` (with the transcript it names) from `folder`.
    public static func load(from folder: URL) throws -> DemoWorkspace {
        DemoWorkspace(moderators: try read(folder, "moderators.json"), panels: try read(folder, "panels.json"),
                      participants: try read(folder, "participants.json"), sessions: try read(folder, "sessions.json"),
                      research: try DemoResearch.load(from: folder))
    }

    /// The local start `yyyy-MM-dd HH:mm` of a session placed relative to `now`, in the session's zone.
    public static func localStart(_ entry: SessionEntry, now: Date) throws -> String {
        let zone = try Zone.named(entry.timeZone)
        let calendar = Zone.calendar(zone)
        guard let day = calendar.date(byAdding: .day, value: entry.day, to: now) else {
            throw RoundtableError.rule("demo session '\(entry.title)' has an impossible day \(entry.day)")
        }
        return "\(TimeFormat.day(day, zone)) \(entry.time)"
    }

    static func read<T: Decodable>(_ folder: URL, _ name: String) throws -> T {
        let url = folder.appendingPathComponent(name)
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw RoundtableError(.inputMissing, "cannot read \(url.path): \(error.localizedDescription)")
        }
        do {
            return try JSONDecoder().decode(T.self, from: data)
        } catch let DecodingError.dataCorrupted(context), let DecodingError.typeMismatch(_, context),
                let DecodingError.valueNotFound(_, context), let DecodingError.keyNotFound(_, context) {
            let path = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
            throw RoundtableError.rule("\(url.path): at \(path.isEmpty ? "top level" : path): \(context.debugDescription)")
        }
    }
}
