import Foundation
import RoundtableCore

/// Streams a partner roster in the native format, validating each row against the bundled XSD as
/// it goes; memory stays flat however long the file is.
public final class RosterReader: @unchecked Sendable {
    private let reader: XMLStreamReader
    private var warnings = WarningLog()
    /// The `partner` attribute of the root, if the file names one.
    public private(set) var declaredPartner: String?

    /// Opens a roster file; files over `maxSize` bytes, compressed files and DOCTYPEs are refused.
    public init(path: String, maxSize: Int64 = NativeFormat.defaultMaxSize) throws {
        reader = try NativeDocument.open(path: path, maxSize: maxSize, warnings: &warnings)
    }

    /// Reads a roster held in memory; `label` names it in messages.
    public init(bytes: [UInt8], label: String) throws {
        reader = try NativeDocument.open(bytes: bytes, label: label, warnings: &warnings)
    }

    /// Warnings about skipped content, after `read`.
    public var warningMessages: [String] { warnings.messages + reader.warnings.map(\.description) }

    /// Calls `handle` with every row in file order, each checked by `RosterEntry.validated()`.
    public func read(_ handle: (RosterItem) throws -> Void) throws {
        try readRows { try handle($0.item(file: reader.file)) }
    }

    /// Like `read`, but parses and validates the XML on a second thread while `handle` runs on
    /// this one. Converting and checking each row runs on this thread, to balance the two.
    /// The reader must not be used by anything else meanwhile.
    public func readAhead(_ handle: (RosterItem) throws -> Void) throws {
        let file = reader.file
        try ReadAhead<ParsedRow>().run(produce: { emit in try self.readRows(emit) },
                                       consume: { try handle($0.item(file: file)) })
    }

    /// A `<participant>` as parsed, with the schema's complaints about it.
    private struct ParsedRow: Sendable {
        var element: ParticipantElement
        var errors: [XMLInputError]

        /// The row as a checked roster entry, or the first reason it is rejected.
        func item(file: String) -> RosterItem {
            if let error = errors.first { return .rejected(line: error.line > 0 ? error.line : element.line, message: error.message) }
            let consents = element.consents(file: file)
            if let problem = consents.problems.first { return .rejected(line: element.line, message: problem) }
            guard let id = element.id else {
                return .rejected(line: element.line, message: "<participant> has no id attribute (the partner's own id)")
            }
            return RosterItem.entry(RosterEntry(
                externalId: id, name: element.name, email: element.email, phone: element.phone, locale: element.locale,
                timeZone: element.timeZone, doNotContact: element.doNotContact, attributes: element.attributes,
                consents: consents.records, line: element.line)).validated()
        }
    }

    private func readRows(_ handle: (ParsedRow) throws -> Void) throws {
        let root = try NativeDocument.expectRoot("roster", reader)
        let rootLine = reader.line
        declaredPartner = root["partner"]
        // A row is handed on once the next one starts: only then are all its validation errors in.
        var pending: ParticipantElement?
        while let node = try reader.next() {
            guard case .start(let name) = node else { continue }
            guard name == "participant", reader.isNativeNamespace else {
                warnings.skip(reader, what: "<\(name)>")
                try reader.skipElement()
                continue
            }
            let line = reader.line
            // Errors on the root's own start tag concern the whole file, not its first row.
            if let error = reader.takeErrors(before: rootLine + 1).first { throw error }
            if let row = pending { try handle(ParsedRow(element: row, errors: reader.takeErrors(before: line))) }
            pending = try ParticipantElement.read(reader, warnings: &warnings)
        }
        if let row = pending { try handle(ParsedRow(element: row, errors: reader.takeErrors())) }
        if let error = reader.takeErrors().first { throw error }
    }
}
