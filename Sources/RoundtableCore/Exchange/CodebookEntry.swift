import Foundation

/// One code as codebook files carry it: its path from the top of the codebook, and what the file
/// says about it. Parents come before their children.
public struct CodebookEntry: Sendable, Equatable {
    /// Names from the top-level code down to this one.
    public var path: [String]
    public var description: String?
    /// `#rrggbb` or `#rgb`, any case.
    public var color: String?
    /// The code's GUID in the tool that wrote the file, canonical (see `GUID.normalized`).
    public var guid: String?

    /// Creates an entry.
    public init(path: [String], description: String? = nil, color: String? = nil, guid: String? = nil) {
        self.path = path
        self.description = description
        self.color = color
        self.guid = guid
    }

    /// The entry as stored: names, description and colour checked and cleaned, the GUID in canonical
    /// form; or the first rule it breaks (an `invalidData` error: the fault is in the file).
    public func checked() throws -> CodebookEntry {
        do {
            guard !path.isEmpty else { throw RoundtableError.rule("a codebook entry has no code name") }
            var entry = self
            entry.path = try path.map(Code.validateName)
            entry.description = try Code.validateDescription(description)
            entry.color = try color.map(Code.validateColor)
            entry.guid = try guid.map { text in
                guard let guid = GUID.normalized(text) else { throw RoundtableError.rule("'\(text)' is not a GUID") }
                return guid
            }
            return entry
        } catch let error as RoundtableError {
            throw RoundtableError.rule("code \(path.joined(separator: String(Code.pathSeparator))): \(error.message)")
        }
    }
}
