import Foundation

/// A REFI-QDA project as Roundtable exports it: sessions as text sources, participants as cases,
/// moderators and coders as users. Every element carries a stored GUID, so exports agree.
public struct REFIProject: Sendable {
    /// The project's name.
    public var name: String
    public var users: [REFIUser] = []
    /// The whole codebook, any order; parents are found by id.
    public var codes: [Code] = []
    public var variables: [REFIVariable] = []
    public var cases: [REFICase] = []
    public var sources: [REFISource] = []
    public var notes: [REFINote] = []
    /// Which participant each study code stands for, when the project was pseudonymized.
    public var pseudonymKey: PseudonymKey?

    /// Creates an empty project.
    public init(name: String) {
        self.name = name
    }
}

/// A moderator or a coder.
public struct REFIUser: Hashable, Sendable {
    public var guid: String
    public var name: String

    /// Creates a user.
    public init(guid: String, name: String) {
        self.guid = guid
        self.name = name
    }
}

/// A variable: one participant attribute name (text), or one of the session variables of sources.
public struct REFIVariable: Hashable, Sendable {
    public var guid: String
    public var name: String
    public var type: REFIVariableType

    /// Creates a variable.
    public init(guid: String, name: String, type: REFIVariableType = .text) {
        self.guid = guid
        self.name = name
        self.type = type
    }
}

/// The REFI-QDA variable types Roundtable writes; the value element is the type's name plus "Value".
public enum REFIVariableType: String, Hashable, Sendable {
    case text = "Text", integer = "Integer", dateTime = "DateTime"
}

/// A participant: attribute values, the sources they took part in and their own turns.
public struct REFICase: Hashable, Sendable {
    public var guid: String
    public var name: String
    /// Text values, in variable order.
    public var values: [REFIValue] = []
    public var sourceGUIDs: [String] = []
    public var selectionGUIDs: [String] = []

    /// Creates a case without values or references.
    public init(guid: String, name: String) {
        self.guid = guid
        self.name = name
    }
}

/// A case's or a source's value of one variable, written as the variable's type requires.
public struct REFIValue: Hashable, Sendable {
    public var variableGUID: String
    public var value: String
    public var type: REFIVariableType

    /// Creates a value.
    public init(variableGUID: String, value: String, type: REFIVariableType = .text) {
        self.variableGUID = variableGUID
        self.value = value
        self.type = type
    }
}

/// A span of a source's text in Unicode code points, end exclusive, with at most one coding.
public struct REFISelection: Hashable, Sendable {
    public var guid: String
    public var name: String?
    public var start: Int
    public var end: Int
    /// The coding applied to the span; nil for a participant's turn (a case refers to it).
    public var coding: REFICoding?

    /// Creates a selection.
    public init(guid: String, name: String? = nil, start: Int, end: Int, coding: REFICoding? = nil) {
        self.guid = guid
        self.name = name
        self.start = start
        self.end = end
        self.coding = coding
    }
}

/// A code applied to a selection.
public struct REFICoding: Hashable, Sendable {
    public var guid: String
    public var codeGUID: String
    public var userGUID: String?
    public var created: Date?

    /// Creates a coding.
    public init(guid: String, codeGUID: String, userGUID: String?, created: Date?) {
        self.guid = guid
        self.codeGUID = codeGUID
        self.userGUID = userGUID
        self.created = created
    }
}

/// A session transcript as plain text, one `Speaker: text` line per utterance, with its selections.
public struct REFISource: Hashable, Sendable {
    public var guid: String
    /// The guid of the set the session becomes.
    public var setGUID: String
    public var name: String
    public private(set) var text = ""
    private var scalarCount = 0
    public var selections: [REFISelection] = []
    public var noteGUIDs: [String] = []
    /// The user who created the source: the session's first moderator.
    public var creatingUserGUID: String?
    /// The session's time, in the variables `REFISessionVariables` names.
    public var values: [REFIValue] = []

    /// Creates a source with no text yet.
    public init(guid: String, setGUID: String, name: String) {
        self.guid = guid
        self.setGUID = setGUID
        self.name = name
    }

    /// Appends one `speaker: text` line and returns the code-point offset where `text` starts in it.
    /// Line breaks inside either become spaces, one for one, so offsets into `text` still hold.
    public mutating func appendLine(speaker: String, text utterance: String) -> Int {
        let prefix = Self.oneLine(speaker) + ": "
        let start = scalarCount + prefix.unicodeScalars.count
        let line = prefix + Self.oneLine(utterance) + "\n"
        text += line
        scalarCount += line.unicodeScalars.count
        return start
    }

    private static func oneLine(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            scalars.append(scalar == "\n" || scalar == "\r" || scalar == "\u{2028}" || scalar == "\u{85}" ? " " : scalar)
        }
        return String(scalars)
    }
}

/// A session note as a REFI-QDA note, with selections for its codings.
public struct REFINote: Hashable, Sendable {
    public var guid: String
    public var name: String
    public var text: String
    public var userGUID: String?
    public var created: Date
    public var selections: [REFISelection] = []

    /// Creates a note.
    public init(guid: String, name: String, text: String, userGUID: String?, created: Date) {
        self.guid = guid
        self.name = name
        self.text = text
        self.userGUID = userGUID
        self.created = created
    }
}

/// Receives a REFI-QDA project as an export streams it: each source's lines and selections in
/// turn, then the rest of the project, whose cases' turns are read back on demand. Nothing the
/// size of the transcripts is held: a million turns pass through one line at a time.
public protocol REFIProjectSink: AnyObject {
    /// Starts the text of `source` (its name and GUIDs; its selections follow one by one).
    func beginSource(_ source: REFISource) throws
    /// Appends one `speaker: text` line to the open source and returns the code-point offset where
    /// `text` starts. Line breaks inside either become spaces, one for one, so offsets into `text` hold.
    func appendLine(speaker: String, text: String) throws -> Int
    /// A selection (a turn or a coding) of the open source.
    func select(_ selection: REFISelection) throws
    /// Ends the open source; `source` now carries its note references and variable values.
    func endSource(_ source: REFISource) throws
    /// Writes the rest: `project` has no text or selections in its sources, and no selection GUIDs
    /// in its cases; `turns(index, emit)` emits the GUID of each turn of case number `index`, in order.
    func finish(_ project: REFIProject, turns: (Int, (String) throws -> Void) throws -> Void) throws
}
