import Foundation

/// A REFI-QDA project as read for import: what Roundtable can bring across, and warnings for the rest.
public struct REFIImportProject: Sendable {
    /// The project's name (the panel's name when none is given).
    public var name: String
    public var codes: [CodebookEntry] = []
    public var users: [REFIImportUser] = []
    public var sources: [REFIImportSource] = []
    public var cases: [REFIImportCase] = []
    /// The cases (by index in `cases`) that refer to each selection, as a reader finds them; the
    /// import also counts each case's own `selectionGUIDs`.
    public var selectionOwners = REFICaseLinks.Owners()
    /// How many sources of any kind (text, PDF, picture, audio, video) the project declares.
    public var declaredSources = 0
    /// How many text sources were read, whether kept in `sources` or handed on as they were read.
    public var textSources = 0
    /// Selections listed in `warnings` and not applied: outside their source, not a range, on no text.
    public var selectionsNotApplied = 0
    /// What was read but not brought across, with file and line where known.
    public var warnings: [String] = []

    /// Creates an empty project.
    public init(name: String) { self.name = name }

    /// Why the project gives no sessions although it declares sources (so an import would bring
    /// across only its codebook and cases), or nil. A project that declares no source at all is a
    /// codebook by intent; one whose sources are all of kinds Roundtable cannot read is not.
    public var sourcesNotBroughtAcross: String? {
        guard sources.isEmpty, textSources == 0, declaredSources > 0 else { return nil }
        return "none of the project's \(declaredSources) sources is a text source that can be brought across"
    }
}

/// A user (coder or moderator) of a REFI-QDA project.
public struct REFIImportUser: Sendable, Equatable {
    /// The GUID in canonical form, when the file gives a valid one.
    public var guid: String?
    public var name: String

    /// Creates a user.
    public init(guid: String?, name: String) {
        self.guid = guid
        self.name = name
    }
}

/// One text source: its plain text (nil when not read, as for a codebook-only import) and its
/// selections; `variables` holds its variable values by variable name.
public struct REFIImportSource: Sendable {
    public var guid: String?
    public var name: String
    public var created: Date?
    /// The GUID of the user who created the source (Roundtable: the session's moderator).
    public var creatingUser: String?
    public var text: String?
    public var selections: [REFIImportSelection] = []
    public var variables: [(name: String, value: String)] = []

    /// Creates a source.
    public init(guid: String? = nil, name: String, created: Date?, text: String?) {
        self.guid = guid
        self.name = name
        self.created = created
        self.text = text
    }

    /// The value of the session variable `name` (see `REFISessionVariables`), if given.
    public func variable(_ name: String) -> String? {
        variables.first { $0.name == name }?.value
    }
}

/// The source variables in which Roundtable records a session's time, so that a round trip
/// (`export refi`, then `import refi`) keeps it; other tools show them as document attributes.
public enum REFISessionVariables {
    /// The start instant, a DateTime in UTC.
    public static let start = "session start"
    /// The IANA zone the session was planned in, a Text.
    public static let timeZone = "session time zone"
    /// The planned length, an Integer.
    public static let duration = "session duration (minutes)"
}

/// A plain-text selection in code points (end exclusive) and the GUIDs of the codes applied to it.
public struct REFIImportSelection: Sendable {
    /// The selection's GUID in canonical form, which a case may refer to.
    public var guid: String?
    public var start: Int
    public var end: Int
    public var codeGUIDs: [String]
    /// The line of the selection in project.qde.
    public var line: Int

    /// Creates a selection.
    public init(guid: String? = nil, start: Int, end: Int, codeGUIDs: [String], line: Int) {
        self.guid = guid
        self.start = start
        self.end = end
        self.codeGUIDs = codeGUIDs
        self.line = line
    }
}

/// A case: a person with their variables and the selections (their turns) and sources they refer to.
public struct REFIImportCase: Sendable {
    public var name: String
    public var variables: [(name: String, value: String)]
    /// GUIDs, in canonical form, of the selections (their turns) and the sources (sessions they
    /// took part in) the case refers to. A reader records the selections in the project's
    /// `selectionOwners` instead: a million turns' GUIDs as strings took ~130 MB.
    public var selectionGUIDs: [String] = []
    public var sourceGUIDs: [String] = []

    /// Creates a case.
    public init(name: String, variables: [(name: String, value: String)], selectionGUIDs: [String] = []) {
        self.name = name
        self.variables = variables
        self.selectionGUIDs = selectionGUIDs
    }
}
