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
}
