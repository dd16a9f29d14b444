import ArgumentParser
import Foundation
import RoundtableCore
import RoundtableStore
import RoundtableXML

struct ExportSegments: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "segments",
        abstract: "Write every coded segment of the transcripts as CSV or JSON, a row per coding.",
        discussion: """
            Columns: session, sessionStart (ISO 8601 in the session's zone), utterance, time (from the start \
            of the recording, empty if unknown), speakerKey (P-…, M-…, or empty for other speakers), speaker, \
            one attr:NAME column per attribute the coded turns' participants have, code (its path), coder, \
            spanStart and spanEnd (Unicode characters into the turn, end exclusive; a whole-turn coding spans \
            the whole turn), and text (what the span covers). CSV is RFC 4180 in UTF-8 (CR LF line ends); \
            LibreOffice reads it as it is, and --bom makes Microsoft Excel read it as UTF-8 too. JSON is an \
            array of objects with the same fields, except that sessionStart is a UTC instant with \
            localSessionStart beside it, startMs (milliseconds, null if unknown) replaces time, attributes is an \
            object, and wholeText is a boolean.
            """)

    /// The file formats of the export.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case csv
        case json
    }

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var destination: OutputFileOptions
    @OptionGroup var selection: SessionScopeOptions
    @Option(help: "File format: csv or json.") var format: Format = .csv
    @Flag(help: "Start the CSV with a UTF-8 byte order mark, which Microsoft Excel needs to read UTF-8.") var bom = false
    @OptionGroup var pseudonym: PseudonymOptions

    func validate() throws {
        if bom, format != .csv { throw ValidationError("--bom is for --format csv") }
        try pseudonym.validate(output: destination.output)
    }

    func run() throws {
        let scope = try selection.scope()
        let database = try workspace.openForReading()
        let stem = "segments" + (try selection.stemSuffix()) + pseudonym.stemSuffix
        let path = try destination.path(stem: stem, extension: format.rawValue, now: database.clock())
        var starts = SessionStarts()
        let export: SegmentExport
        switch format {
        case .csv:
            let writer = try CSVWriter(destination: path, byteOrderMark: bom)
            var attributes: [String] = []
            export = try database.codedSegments(scope, pseudonymize: pseudonym.pseudonymize, attributes: { names in
                attributes = names
                try writer.write(SegmentRow.header(attributes: names))
            }, segment: { segment in
                try writer.write(SegmentRow(segment, starts: &starts).fields(attributes: attributes))
            })
            try writer.finish()
        case .json:
            let writer = try JSONArrayWriter(destination: path)
            export = try database.codedSegments(scope, pseudonymize: pseudonym.pseudonymize, attributes: { _ in }, segment: { segment in
                try writer.write(SegmentRow(segment, starts: &starts))
            })
            try writer.finish()
        }
        let wroteKey = try pseudonym.write(export.pseudonymKey)
        let sessions = export.sessions.count
        destination.report("wrote \(export.count) coded segment\(export.count == 1 ? "" : "s") from \(sessions) session\(sessions == 1 ? "" : "s") "
                           + "to \(OutputFileOptions.name(path))")
        wroteKey.map(destination.report)
    }
}

/// One segment as the export writes it: a CSV record or a JSON object.
struct SegmentRow: Encodable {
    var session: String
    var sessionStart: String
    var utterance: String
    var time: String?
    var speakerKey: String?
    var speaker: String
    var attributes: [String: String]
    var code: String
    var coder: String
    var spanStart: Int
    var spanEnd: Int
    var wholeUtterance: Bool
    var text: String
    /// For JSON: the session's start as a UTC instant, and the turn's start in milliseconds.
    var sessionStartUTC: String
    var startMs: Int?

    init(_ segment: CodedSegment, starts: inout SessionStarts) {
        session = "\(segment.session)"
        sessionStart = starts.start(of: segment)
        utterance = "\(segment.utterance)"
        time = segment.utteranceStartMs.map(TranscriptText.formatTimestamp)
        speakerKey = segment.speakerKey
        speaker = segment.speaker
        attributes = segment.attributes
        code = segment.codePath
        coder = segment.coder
        spanStart = segment.span.start
        spanEnd = segment.span.end
        wholeUtterance = segment.isWholeUtterance
        text = segment.text
        sessionStartUTC = TimeFormat.utc(segment.sessionStart)
        startMs = segment.utteranceStartMs
    }

    private enum CodingKeys: String, CodingKey {
        case session, sessionStart, localSessionStart, utterance, startMs, speakerKey, speaker, attributes, code, coder
        case spanStart, spanEnd, wholeText, text
    }

    // By hand: JSON names times as every other command does (docs/json.md), and writes null, never leaves a key out.
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(session, forKey: .session)
        try container.encode(sessionStartUTC, forKey: .sessionStart)
        try container.encode(sessionStart, forKey: .localSessionStart)
        try container.encode(utterance, forKey: .utterance)
        try container.encode(startMs, forKey: .startMs)
        try container.encode(speakerKey, forKey: .speakerKey)
        try container.encode(speaker, forKey: .speaker)
        try container.encode(attributes, forKey: .attributes)
        try container.encode(code, forKey: .code)
        try container.encode(coder, forKey: .coder)
        try container.encode(spanStart, forKey: .spanStart)
        try container.encode(spanEnd, forKey: .spanEnd)
        try container.encode(wholeUtterance, forKey: .wholeText)
        try container.encode(text, forKey: .text)
    }

    /// The CSV header: attribute columns are named `attr:NAME`, so none can clash with the others.
    static func header(attributes: [String]) -> [String] {
        ["session", "sessionStart", "utterance", "time", "speakerKey", "speaker"] + attributes.map { "attr:" + $0 }
            + ["code", "coder", "spanStart", "spanEnd", "text"]
    }

    /// The CSV record, with a cell for each of `attributes` (empty where the speaker has none).
    func fields(attributes names: [String]) -> [String] {
        [session, sessionStart, utterance, time ?? "", speakerKey ?? "", speaker] + names.map { attributes[$0] ?? "" }
            + [code, coder, String(spanStart), String(spanEnd), text]
    }
}

/// Each session's start as written, worked out once per session rather than once per row.
struct SessionStarts {
    private var starts: [EntityKey: String] = [:]

    /// `2027-03-28T10:00:00+03:00`: the start in the zone the session was planned in (checked then).
    mutating func start(of segment: CodedSegment) -> String {
        if let start = starts[segment.session] { return start }
        let start = TimeFormat.local(segment.sessionStart, (try? Zone.named(segment.sessionTimeZone)) ?? Zone.utc)
        starts[segment.session] = start
        return start
    }
}
