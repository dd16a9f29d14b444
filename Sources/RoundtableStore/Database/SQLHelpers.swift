import Foundation

/// Passes a list of ids to SQLite as one JSON argument, read back with `json_each`.
enum JSONList {
    static func encode(_ ids: [Int64]) -> String {
        "[" + ids.map(String.init).joined(separator: ",") + "]"
    }
}
