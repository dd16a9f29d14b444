import Foundation

/// Rules for the slug that names a panel, such as `nordic-cab`.
public enum PanelKey {
    /// Checks that a panel key is a lower-case slug of 2–40 characters.
    public static func validate(_ key: String) throws -> String {
        let allowed = Set("abcdefghijklmnopqrstuvwxyz0123456789-")
        guard (2...40).contains(key.count), key.allSatisfy(allowed.contains),
              key.first != "-", key.last != "-"
        else {
            throw RoundtableError.usage(
                "panel key '\(key)' must be 2–40 lower-case letters, digits or dashes, like nordic-cab")
        }
        return key
    }
}
