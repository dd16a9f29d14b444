import Foundation

/// Escapes `%`, `_` and `\` so user text matches literally in `LIKE … ESCAPE '\'`.
enum LikePattern {
    static func escape(_ text: String) -> String {
        var escaped = ""
        for character in text {
            if character == "%" || character == "_" || character == "\\" { escaped.append("\\") }
            escaped.append(character)
        }
        return escaped
    }
}

/// Passes a list of ids to SQLite as one JSON argument, read back with `json_each`.
enum JSONList {
    static func encode(_ ids: [Int64]) -> String {
        "[" + ids.map(String.init).joined(separator: ",") + "]"
    }
}
