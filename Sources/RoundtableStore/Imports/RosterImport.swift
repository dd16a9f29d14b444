import Foundation
import RoundtableCore

/// How `import roster` should run.
public struct RosterImportOptions: Sendable {
    public var partner: String
    public var fileName: String
    /// Active members of this panel after the import, if given.
    public var panel: String?
    /// Report what would happen, write nothing.
    public var dryRun: Bool
    /// Import the valid rows even when some are rejected.
    public var skipInvalid: Bool

    /// Creates options.
    public init(partner: String, fileName: String, panel: String? = nil, dryRun: Bool = false, skipInvalid: Bool = false) {
        self.partner = partner
        self.fileName = fileName
        self.panel = panel
        self.dryRun = dryRun
        self.skipInvalid = skipInvalid
    }
}

/// A row that could not be imported.
public struct RejectedRow: Sendable, Hashable {
    public var line: Int
    public var message: String
}

/// What an import did (or, for a dry run or a failed import, would have done).
public struct RosterImportReport: Sendable {
    public var new = 0
    public var updated = 0
    public var unchanged = 0
    /// Rows naming people who were forgotten on request; they are never brought back.
    public var forgottenSkipped = 0
    public var rejected: [RejectedRow] = []
    /// New people whose e-mail an existing participant has; imported all the same.
    public var possibleDuplicates: [PossibleDuplicate] = []
    /// The batch id, when the import was committed.
    public var batchId: Int64?
    /// Whether anything was written.
    public var committed = false
}
