import Foundation
import RoundtableCore
import RoundtableStore

/// A session's transcript as scripts see it.
struct TranscriptJSON: Encodable {
    /// One utterance.
    struct UtteranceJSON: Encodable {
        var key: String
        var sequence: Int
        var speaker: String
        /// The participant or moderator who spoke, null for other speakers.
        @JSONNullable var speakerKey: String?
        /// Milliseconds into the recording, null when unknown.
        @JSONNullable var startMs: Int?
        @JSONNullable var endMs: Int?
        var text: String
    }

    var session: String
    var sessionTitle: String
    var utterances: [UtteranceJSON]

    init(_ transcript: Transcript) {
        session = "\(transcript.session.key)"
        sessionTitle = transcript.session.title
        utterances = transcript.lines.map { line in
            let utterance = line.utterance
            return UtteranceJSON(key: "\(line.key)", sequence: utterance.sequence, speaker: utterance.speakerLabel,
                                 speakerKey: line.speakerKey?.description, startMs: utterance.startMs,
                                 endMs: utterance.endMs, text: utterance.text)
        }
    }
}

/// A search hit as scripts see it.
struct TranscriptHitJSON: Encodable {
    var session: String
    var sessionTitle: String
    var sessionStart: String
    var utterance: String
    @JSONNullable var startMs: Int?
    var speaker: String
    @JSONNullable var speakerKey: String?
    /// The matching words marked `[like this]`, in context.
    var snippet: String

    init(_ hit: TranscriptHit) {
        session = "\(hit.session)"
        sessionTitle = hit.sessionTitle
        sessionStart = TimeFormat.utc(hit.sessionStart)
        utterance = "\(hit.utterance)"
        startMs = hit.startMs
        speaker = hit.speakerLabel
        speakerKey = hit.speakerKey?.description
        snippet = hit.snippet
    }
}

/// A speaker as tables show them: `Åsa Lindqvist (M-0001)`, or the label alone.
enum SpeakerText {
    static func render(_ label: String, _ key: EntityKey?) -> String {
        guard let key, label != key.description else { return label }
        return "\(label) (\(key))"
    }

    /// Text on one table row: line breaks become spaces.
    static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).joined(separator: " ")
    }
}
