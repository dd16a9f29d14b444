import Foundation
import RoundtableCore

/// Streams a partner roster in the native format, validating each row against the bundled XSD as
/// it goes; memory stays flat however long the file is.
public final class RosterReader: @unchecked Sendable {
    private let builder = RosterRowBuilder()
    private let parser: XMLPushParser
    private var versionWarnings = WarningLog()

    /// Opens a roster file; files over `maxSize` bytes, compressed files and DOCTYPEs are refused.
    /// With `partner`, a file whose root names another partner fails as a whole.
    public init(path: String, maxSize: Int64 = NativeFormat.defaultMaxSize, partner: String? = nil) throws {
        let schema = try NativeDocument.schema(forFileAt: path, maxSize: maxSize, warnings: &versionWarnings)
        parser = try XMLPushParser(path: path, maxSize: maxSize, schema: schema, handler: builder)
        builder.expectedPartner = partner
    }

    /// Reads a roster held in memory; `label` names it in messages.
    public init(bytes: [UInt8], label: String, partner: String? = nil) throws {
        let schema = try NativeDocument.schema(forBytes: bytes, label: label, warnings: &versionWarnings)
        parser = try XMLPushParser(bytes: bytes, label: label, schema: schema, handler: builder)
        builder.expectedPartner = partner
    }

    /// The `partner` attribute of the root, if the file names one (known once reading has begun).
    public var declaredPartner: String? { builder.declaredPartner }

    /// Warnings about skipped content, after `read`.
    public var warningMessages: [String] {
        versionWarnings.messages + builder.warnings.messages + parser.warnings.map(\.description)
    }

    /// Calls `handle` with every row in file order, each checked by `RosterEntry.validated()`.
    public func read(_ handle: (RosterItem) throws -> Void) throws {
        let file = parser.file
        try readRows { try handle(Self.item($0, file: file)) }
    }

    /// Like `read`, but parses and validates the XML on a second thread, while the rows are
    /// checked and `handle` runs on this one (which balances the two). The reader must not be
    /// used by anything else meanwhile.
    public func readAhead(_ handle: (RosterItem) throws -> Void) throws {
        let file = parser.file
        try ReadAhead<RosterRowBuilder.Row>().run(produce: { emit in try self.readRows(emit) },
                                                 consume: { try handle(Self.item($0, file: file)) })
    }

    private func readRows(_ handle: (consuming RosterRowBuilder.Row) throws -> Void) throws {
        try withoutActuallyEscaping(handle) { handle in
            builder.onRow = handle
            defer { builder.onRow = { _ in } }
            try parser.parse()
            try builder.finish()
        }
    }

    /// The row as a checked roster entry, or the first reason it is rejected.
    private static func item(_ row: RosterRowBuilder.Row, file: String) -> RosterItem {
        let element = row.element
        if let error = row.errors.first { return .rejected(line: error.line > 0 ? error.line : element.line, message: error.message) }
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
