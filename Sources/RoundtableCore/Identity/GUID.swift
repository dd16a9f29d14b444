import Foundation

/// The GUIDs other research tools (REFI-QDA) use to name codes, codings and notes: stored once,
/// so every export names the same thing the same way.
public enum GUID {
    /// A new GUID, lower case without braces: `0f8fad5b-d9cb-469f-a165-70867728950e`.
    public static func make() -> String {
        UUID().uuidString.lowercased()
    }

    /// `text` as a canonical GUID (lower case, no braces), or nil when it is not one. Tools write
    /// upper or lower case, with or without braces.
    public static func normalized(_ text: String) -> String? {
        var body = Substring(UnicodeText.trimmed(text))
        if body.first == "{", body.last == "}" { body = body.dropFirst().dropLast() }
        guard let uuid = UUID(uuidString: String(body)) else { return nil }
        return uuid.uuidString.lowercased()
    }
}
