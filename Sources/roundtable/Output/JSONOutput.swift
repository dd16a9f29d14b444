import Foundation

/// Writes a value as stable, pretty JSON for scripts, in the vocabulary of docs/json.md.
enum JSONOutput {
    static func print(_ value: some Encodable) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(value)
        Console.print(String(decoding: data, as: UTF8.self))
    }
}
