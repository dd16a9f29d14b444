import Foundation

/// A consent decision as exchanged in files.
public struct ConsentRecord: Hashable, Sendable {
    public var scope: ConsentScope
    public var version: String
    public var given: Bool
    public var at: Date

    /// Creates a consent record.
    public init(scope: ConsentScope, version: String, given: Bool, at: Date) {
        self.scope = scope
        self.version = version
        self.given = given
        self.at = at
    }
}

/// One participant as a partner's roster gives it, keyed by the partner's own id.
public struct RosterEntry: Hashable, Sendable {
    /// The partner's id for the person; with the partner's name it finds the person again.
    public var externalId: String
    public var name: String
    public var email: String?
    public var phone: String?
    public var locale: String?
    public var timeZone: String?
    public var doNotContact: Bool
    /// Attributes in file order; names are unique.
    public var attributes: [NamedValue]
    public var consents: [ConsentRecord]
    /// Where the entry starts in its file, for messages.
    public var line: Int

    /// Creates an entry.
    public init(externalId: String, name: String, email: String? = nil, phone: String? = nil, locale: String? = nil,
                timeZone: String? = nil, doNotContact: Bool = false, attributes: [NamedValue] = [],
                consents: [ConsentRecord] = [], line: Int = 0) {
        self.externalId = externalId
        self.name = name
        self.email = email
        self.phone = phone
        self.locale = locale
        self.timeZone = timeZone
        self.doNotContact = doNotContact
        self.attributes = attributes
        self.consents = consents
        self.line = line
    }

    /// Checks the entry against the same rules as `participant add`, returning it normalised
    /// (composed Unicode, canonical zone name) or the reason it is rejected.
    public func validated() throws -> RosterEntry {
        var entry = self
        entry.name = try TextRules.name(name, what: "the name")
        entry.externalId = UnicodeText.trimmed(externalId)
        guard !entry.externalId.isEmpty else { throw RoundtableError.rule("the partner's id is empty") }
        entry.email = try email.map(ContactRules.email)
        entry.phone = try phone.map(ContactRules.phone)
        entry.timeZone = try timeZone.map(Zone.canonicalName)
        entry.locale = try locale.map(ContactRules.locale)
        for attribute in attributes { try ContactRules.attribute(name: attribute.name, value: attribute.value) }
        for consent in consents { _ = try TextRules.token(consent.version, what: "a consent version") }
        for index in entry.attributes.indices {
            let composed = UnicodeText.composed(entry.attributes[index].value)
            // Most values are already composed: only a changed one is written back (no array copy).
            if composed != entry.attributes[index].value { entry.attributes[index].value = composed }
        }
        if let repeated = Self.firstRepeatedName(entry.attributes) {
            throw RoundtableError.rule("attribute '\(repeated)' is given twice")
        }
        return entry
    }

    /// The first attribute name that was given before. A typical row has a handful of attributes,
    /// compared pairwise without allocating; a long list goes through a set, since comparing each
    /// with all before it made a person with 100,000 attributes take 20 seconds.
    public static func firstRepeatedName(_ attributes: [NamedValue]) -> String? {
        if attributes.count <= 16 {
            for index in attributes.indices where attributes[..<index].contains(where: { $0.name == attributes[index].name }) {
                return attributes[index].name
            }
            return nil
        }
        var seen = Set<String>(minimumCapacity: attributes.count)
        return attributes.first { !seen.insert($0.name).inserted }?.name
    }
}

/// A name with a value, such as a participant attribute.
public struct NamedValue: Hashable, Sendable {
    public var name: String
    public var value: String

    /// Creates a pair.
    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}

/// One row of a roster file: a participant to import, or the reason it cannot be.
public enum RosterItem: Sendable {
    case entry(RosterEntry)
    case rejected(line: Int, message: String)

    /// The item with its entry checked by `RosterEntry.validated()`, or rejected with the reason.
    public func validated() -> RosterItem {
        guard case .entry(let entry) = self else { return self }
        do {
            return .entry(try entry.validated())
        } catch let error as RoundtableError {
            return .rejected(line: entry.line, message: error.message)
        } catch {
            return .rejected(line: entry.line, message: "\(error)")
        }
    }
}
