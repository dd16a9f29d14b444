import Foundation
import RoundtableCore

/// A `<participant>` as read from a roster or a workspace, before either turns it into Core values.
struct ParticipantElement: Sendable {
    struct MembershipElement: Sendable {
        var panel: String, role: String, status: String, joined: String
        var termEnd: String?, left: String?, ndaSigned: String?
    }

    var line: Int
    var id: String?
    var key: String?
    var doNotContact = false
    var created: String?
    var forgotten: String?
    var name = ""
    var email: String?
    var phone: String?
    var locale: String?
    var timeZone: String?
    var attributes: [NamedValue] = []
    /// `<consent>` attributes as written; `consents()` checks and converts them.
    var rawConsents: [RawConsent] = []
    var externalRefs: [(partner: String, id: String, batch: Int64?)] = []
    var memberships: [MembershipElement] = []

    /// Reads the element the reader has just started, up to and including its end tag.
    static func read(_ reader: XMLStreamReader, warnings: inout WarningLog) throws -> ParticipantElement {
        let attributes = reader.attributes()
        var element = ParticipantElement(line: reader.line, id: attributes["id"], key: attributes["key"])
        element.doNotContact = attributes["doNotContact"].map(Self.boolean) ?? false
        element.created = attributes["created"]
        element.forgotten = attributes["forgotten"]
        try reader.readChildren(warnings: &warnings) { name in
            switch name {
            case "name": element.name = try reader.elementText()
            case "email": element.email = try reader.elementText()
            case "phone": element.phone = try reader.elementText()
            case "locale": element.locale = try reader.elementText()
            case "timeZone": element.timeZone = try reader.elementText()
            case "attribute":
                let name = reader.attributes()["name"] ?? ""
                element.attributes.append(NamedValue(name: name, value: try reader.elementText()))
            case "consent":
                let a = reader.attributes()
                element.rawConsents.append(RawConsent(scope: a["scope"], version: a["version"], given: a["given"],
                                                      at: a["at"], line: reader.line))
                try reader.skipElement()
            case "externalRef":
                let attributes = reader.attributes()
                element.externalRefs.append((attributes["partner"] ?? "", attributes["id"] ?? "",
                                             attributes["batch"].flatMap { Int64($0) }))
                try reader.skipElement()
            case "membership":
                let a = reader.attributes()
                element.memberships.append(MembershipElement(
                    panel: a["panel"] ?? "", role: a["role"] ?? "member", status: a["status"] ?? "active",
                    joined: a["joined"] ?? "", termEnd: a["termEnd"], left: a["left"], ndaSigned: a["ndaSigned"]))
                try reader.skipElement()
            default:
                return false
            }
            return true
        }
        return element
    }

    /// A `<consent>` element's attributes, converted later so a roster's parsing thread stays light.
    struct RawConsent: Sendable {
        var scope: String?, version: String?, given: String?, at: String?
        var line: Int
    }

    /// The consent records, and one problem message for each consent that cannot be read.
    func consents(file: String) -> (records: [ConsentRecord], problems: [String]) {
        var records: [ConsentRecord] = []
        var problems: [String] = []
        for raw in rawConsents {
            do {
                records.append(try Self.consent(raw, file: file))
            } catch let problem as XMLInputError {
                problems.append(problem.message)
            } catch {
                problems.append("\(error)")
            }
        }
        return (records, problems)
    }

    private static func consent(_ raw: RawConsent, file: String) throws -> ConsentRecord {
        guard let scope = raw.scope.flatMap(ConsentScope.init(rawValue:)) else {
            throw XMLInputError(file: file, line: raw.line, message: "consent scope '\(raw.scope ?? "")' is unknown")
        }
        guard let version = raw.version, !version.isEmpty else {
            throw XMLInputError(file: file, line: raw.line, message: "consent has no version")
        }
        return ConsentRecord(scope: scope, version: version, given: boolean(raw.given ?? ""),
                             at: try NativeFormat.date(raw.at ?? "", file: file, line: raw.line))
    }

    /// xs:boolean: `true`/`1` or `false`/`0`, with surrounding spaces allowed.
    static func boolean(_ text: String) -> Bool {
        let trimmed = UnicodeText.trimmed(text)
        return trimmed == "true" || trimmed == "1"
    }
}

/// Warnings about what a reader skipped, each kind reported once with its first line.
struct WarningLog {
    private(set) var messages: [String] = []
    private var seen = Set<String>()

    mutating func skip(_ reader: XMLStreamReader, what: String) {
        skip(file: reader.file, line: reader.line, what: what)
    }

    mutating func skip(file: String, line: Int, what: String) {
        guard seen.insert(what).inserted else { return }
        messages.append("\(file):\(line): skipped \(what) (not known to this version of Roundtable)")
    }

    mutating func add(_ message: String) {
        messages.append(message)
    }
}
