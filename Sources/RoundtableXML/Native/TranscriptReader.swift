import Foundation
import RoundtableCore

/// Streams a native transcript document into a sink, validating against the bundled XSD:
/// the header, the codebook it carries, then each utterance with its codings. Speaker keys and
/// code ids are the writer's; the sink decides what they mean in this workspace.
public final class TranscriptReader {
    private let reader: XMLStreamReader
    private var warnings = WarningLog()

    /// Opens a transcript file.
    public init(path: String, maxSize: Int64 = NativeFormat.defaultMaxSize) throws {
        reader = try NativeDocument.open(path: path, maxSize: maxSize, warnings: &warnings)
    }

    /// The file name or label used in messages.
    public var file: String { reader.file }

    /// Warnings about skipped content, after `read`.
    public var warningMessages: [String] { warnings.messages + reader.warnings.map(\.description) }

    /// Feeds the document to `sink`; the first invalid element stops the read.
    public func read(into sink: some TranscriptSink) throws {
        let root = try NativeDocument.expectRoot("transcript", reader)
        let records = WorkspaceRecords(reader: reader)
        var header = TranscriptHeader(session: EntityKey(.session, id: 0), title: "", start: Date(timeIntervalSince1970: 0),
                                      timeZone: root["timeZone"] ?? "UTC",
                                      pseudonymized: root["pseudonymized"].map(ParticipantElement.boolean) ?? false)
        if let session = root["session"] { header.session = try records.key(session, .session, reader.line) }
        if let start = root["start"] { header.start = try records.date(start, reader.line) }
        var codes: [Code] = []
        var headerSent = false
        func sendHeader() throws {
            guard !headerSent else { return }
            headerSent = true
            try sink.header(header)
            try sink.codebook(codes)
        }
        while let node = try reader.next() {
            try throwValidationErrors()
            guard case .start(let name) = node else { continue }
            guard reader.isNativeNamespace else {
                warnings.skip(reader, what: "<\(name)> from another namespace")
                try reader.skipElement()
                continue
            }
            switch name {
            case "title": header.title = try reader.elementText()
            case "codebook": codes = try readCodes(records)
            case "utterance":
                try sendHeader()
                let element = try UtteranceElement.read(reader, warnings: &warnings)
                try throwValidationErrors()
                try sink.entry(try entry(element, records))
            default:
                warnings.skip(reader, what: "unknown element <\(name)> in <transcript>")
                try reader.skipElement()
            }
        }
        try throwValidationErrors()
        try sendHeader()
    }

    private func readCodes(_ records: WorkspaceRecords) throws -> [Code] {
        var codes: [Code] = []
        while let node = try reader.next() {
            switch node {
            case .start("code"): codes.append(try records.code())
            case .start: try reader.skipElement()
            case .end: return codes
            case .text: continue
            }
        }
        return codes
    }

    private func entry(_ element: UtteranceElement, _ records: WorkspaceRecords) throws -> TranscriptEntry {
        let line = element.line
        let utterance = Utterance(
            sessionId: 0, sequence: element.sequence,
            participantId: try element.participant.map { try records.key($0, .participant, line).id },
            moderatorId: try element.moderator.map { try records.key($0, .moderator, line).id },
            speakerLabel: element.speaker, startMs: element.startMs, endMs: element.endMs, text: element.text)
        let codings = try element.codings.map { coding in
            Coding(codeId: coding.code, target: .utterance(0), span: try records.span(coding), coder: coding.coder,
                   createdAt: try records.date(coding.at, coding.line))
        }
        return TranscriptEntry(utterance: utterance, speaker: element.speaker, codings: codings, line: line)
    }

    private func throwValidationErrors() throws {
        if let error = reader.takeErrors().first { throw error }
    }
}
