import Foundation

/// Where a session's transcript was imported from: the file, its format and contents (SHA-256),
/// so that importing the same file into the same session again is recognised.
public struct TranscriptSource: Codable, Hashable, Sendable {
    /// The session; one source per session, replaced by each import.
    public var sessionId: Int64
    /// The file name as given on the command line (`-` for standard input).
    public var fileName: String
    /// `TranscriptFormat`'s raw value: text, xml, vtt, srt, otter or docx.
    public var format: String
    /// The SHA-256 of the bytes read, 64 lower-case hex digits.
    public var sha256: String
    public var importedAt: Date
    /// How many cues (or turns, for Roundtable's own formats) the file held.
    public var cues: Int

    /// Creates a source record.
    public init(sessionId: Int64, fileName: String, format: String, sha256: String, importedAt: Date, cues: Int) {
        self.sessionId = sessionId
        self.fileName = fileName
        self.format = format
        self.sha256 = sha256
        self.importedAt = importedAt
        self.cues = cues
    }
}
