import Foundation
import RoundtableCore

/// Turns a roster's parse events into one `ParticipantElement` per `<participant>`, each with the
/// schema's complaints about it. Text is gathered as bytes and becomes a String once per field.
final class RosterRowBuilder: SAXHandler {
    /// A `<participant>` as parsed, with the schema's complaints about it.
    struct Row: Sendable {
        var element: ParticipantElement
        var errors: [XMLInputError]
    }

    /// Called with each row once every error about it is in (when the next row starts, or at the end).
    var onRow: (consuming Row) throws -> Void = { _ in }
    /// The `partner` attribute of the root, if the file names one.
    private(set) var declaredPartner: String?
    /// The partner the rows are imported for: a root naming another one fails the whole file.
    var expectedPartner: String?
    private(set) var warnings = WarningLog()

    @exclusivity(unchecked) private var depth = 0
    /// The depth of the element whose subtree is being skipped, or 0.
    @exclusivity(unchecked) private var skipping = 0
    @exclusivity(unchecked) private var current: Row?
    @exclusivity(unchecked) private var pending: Row?
    @exclusivity(unchecked) private var field: Word?
    @exclusivity(unchecked) private var attributeName = ""
    @exclusivity(unchecked) private var text: [UInt8] = []
    @exclusivity(unchecked) private var words = WordTable()

    /// Hands on the last row; call after the parse ends.
    func finish() throws {
        if let row = pending.take() { try onRow(row) }
    }

    func startElement(_ tag: SAXStartTag, in parser: XMLPushParser) throws {
        depth += 1
        guard skipping == 0 else { return }
        let word = words[tag.localName]
        let native = words.isNative(tag.namespace)
        switch depth {
        case 1:
            guard word == .roster, native else {
                throw NativeDocument.wrongRoot(expected: "roster", found: String(cString: tag.localName),
                                               namespace: tag.namespace.map { String(cString: $0) } ?? "",
                                               file: parser.file, line: parser.line, column: parser.column)
            }
            declaredPartner = value(of: .partner, in: tag)
            try checkPartner(parser)
        case 2:
            guard word == .participant, native else { return skip("<\(String(cString: tag.localName))>", parser) }
            if let row = pending.take() { try onRow(row) }
            var element = ParticipantElement(line: parser.line, id: value(of: .id, in: tag), key: nil)
            // Room for a typical row, so its lists are allocated once instead of grown.
            element.attributes.reserveCapacity(8)
            element.rawConsents.reserveCapacity(4)
            element.doNotContact = value(of: .doNotContact, in: tag).map(ParticipantElement.boolean) ?? false
            current = Row(element: element, errors: [])
        case 3:
            guard native else { return skip("<\(String(cString: tag.localName))> from another namespace", parser) }
            switch word {
            case .name, .email, .phone, .locale, .timeZone:
                startText(word)
            case .attribute:
                attributeName = value(of: .name, in: tag) ?? ""
                startText(word)
            case .consent:
                current?.element.rawConsents.append(ParticipantElement.RawConsent(
                    scope: value(of: .scope, in: tag), version: value(of: .version, in: tag), given: value(of: .given, in: tag),
                    at: value(of: .at, in: tag), line: parser.line))
                skipping = depth
            case .externalRef, .membership:
                skipping = depth  // a workspace's, not a partner's: nothing a roster import uses
            default:
                skip("unknown element <\(String(cString: tag.localName))>", parser)
            }
        default:
            throw XMLInputError(file: parser.file, line: parser.line, column: parser.column,
                                message: "unexpected element <\(String(cString: tag.localName))> inside text")
        }
    }

    func endElement(in parser: XMLPushParser) throws {
        defer { depth -= 1 }
        if skipping > 0 {
            if depth == skipping { skipping = 0 }
            return
        }
        if depth == 3, let field {
            let value = String(decoding: text, as: UTF8.self)
            switch field {
            case .name: current?.element.name = value
            case .email: current?.element.email = value
            case .phone: current?.element.phone = value
            case .locale: current?.element.locale = value
            case .timeZone: current?.element.timeZone = value
            default: current?.element.attributes.append(NamedValue(name: attributeName, value: value))
            }
            self.field = nil
        } else if depth == 2 {
            // Held back: the schema reports a row's missing children just after its end tag.
            pending = current.take()
        }
    }

    func characters(_ text: UnsafeBufferPointer<UInt8>, in parser: XMLPushParser) throws {
        if field != nil { self.text.append(contentsOf: text) }
    }

    func invalid(_ error: XMLInputError, in parser: XMLPushParser) throws {
        if current != nil {
            current!.errors.append(error)
        } else if pending != nil {
            pending!.errors.append(error)
        } else {
            throw error  // the root's own start tag: the whole file is wrong, not a row
        }
    }

    /// A file that names another partner is that partner's: every id in it would be filed under
    /// the wrong agency, so no row of it is taken (not even with the others skipped).
    private func checkPartner(_ parser: XMLPushParser) throws {
        guard let expected = expectedPartner, let declared = declaredPartner,
              UnicodeText.composed(declared) != UnicodeText.composed(expected) else { return }
        throw XMLInputError(file: parser.file, line: parser.line, column: parser.column,
                            message: "the roster is from partner '\(declared)', not '\(UnicodeText.trimmed(expected))'")
    }

    private func startText(_ word: Word) {
        field = word
        text.removeAll(keepingCapacity: true)
    }

    private func skip(_ what: String, _ parser: XMLPushParser) {
        warnings.skip(file: parser.file, line: parser.line, what: what)
        skipping = depth
    }

    private func value(of attribute: Word, in tag: SAXStartTag) -> String? {
        for index in 0..<tag.attributeCount where words[tag.attributeName(index)] == attribute {
            return tag.attributeValue(index)
        }
        return nil
    }
}
