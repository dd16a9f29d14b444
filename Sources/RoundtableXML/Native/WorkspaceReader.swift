import Foundation
import RoundtableCore

/// Streams a workspace backup into a sink, record by record, validating against the bundled XSD.
/// A backup restores whole or not at all, so any invalid record stops the read.
public final class WorkspaceReader {
    private let reader: XMLStreamReader
    private var warnings = WarningLog()

    /// Opens a backup file.
    public init(path: String, maxSize: Int64 = NativeFormat.defaultMaxSize) throws {
        reader = try NativeDocument.open(path: path, maxSize: maxSize, warnings: &warnings)
    }

    /// Warnings about skipped content, after `read`.
    public var warningMessages: [String] { warnings.messages + reader.warnings.map(\.description) }

    /// Feeds every record to `sink` in file order.
    public func read(into sink: some WorkspaceSink) throws {
        _ = try NativeDocument.expectRoot("workspace", reader)
        var section: WorkspaceSection?
        while let node = try reader.next() {
            try throwValidationErrors()
            switch node {
            case .start(let name) where !reader.isNativeNamespace:
                warnings.skip(reader, what: "<\(name)> from another namespace")
                try reader.skipElement()
            case .start(let name) where section == nil:
                guard let started = WorkspaceSection(rawValue: name) else {
                    warnings.skip(reader, what: "unknown section <\(name)>")
                    try reader.skipElement()
                    continue
                }
                section = started
                try sink.begin(started)
                if reader.isEmptyElement {
                    try sink.end(started)
                    section = nil
                }
            case .start(let name):
                try record(name, in: section!, sink)
            case .end(let name):
                if let open = section, open.rawValue == name {
                    try sink.end(open)
                    section = nil
                }
            case .text:
                continue
            }
        }
        try throwValidationErrors()
    }

    private func record(_ name: String, in section: WorkspaceSection, _ sink: some WorkspaceSink) throws {
        let records = WorkspaceRecords(reader: reader)
        sink.locate(line: reader.line)
        switch (section, name) {
        case (.moderators, "moderator"): try sink.moderator(records.moderator())
        case (.panels, "panel"): try sink.panel(records.panel())
        case (.importBatches, "importBatch"): try sink.importBatch(records.importBatch())
        case (.participants, "participant"):
            try sink.participant(records.participant(ParticipantElement.read(reader, warnings: &warnings)))
        case (.sessions, "session"): try sink.session(records.session())
        case (.concepts, "concept"): try sink.concept(records.concept())
        case (.presentations, "presentation"): try sink.presentation(records.presentation())
        case (.reactions, "reaction"): try sink.reaction(records.reaction())
        case (.utterances, "utterance"):
            try sink.utterance(records.utterance(UtteranceElement.read(reader, warnings: &warnings)))
        case (.notes, "note"): try sink.note(records.note())
        case (.commentCards, "commentCard"): try sink.commentCard(records.commentCard())
        case (.surveyResponses, "surveyResponse"): try sink.surveyResponse(records.surveyResponse())
        case (.codebook, "code"): try sink.code(records.code())
        case (.codingBatches, "codingBatch"): try sink.codingBatch(records.codingBatch())
        case (.refiIdentities, "identity"):
            let a = reader.attributes()
            try reader.skipElement()
            try sink.refiIdentity(REFIIdentity(kind: a["kind"] ?? "", key: a["key"] ?? "", guid: a["guid"] ?? ""))
        case (.codings, "coding"):
            let element = CodingElement(reader.attributes(), line: reader.line)
            try reader.skipElement()
            try sink.coding(records.coding(element))
        case (.auditLog, "entry"): try sink.auditEntry(records.auditEntry())
        default:
            warnings.skip(reader, what: "unknown element <\(name)> in <\(section.rawValue)>")
            try reader.skipElement()
        }
    }

    private func throwValidationErrors() throws {
        if let error = reader.takeErrors().first { throw error }
    }
}
