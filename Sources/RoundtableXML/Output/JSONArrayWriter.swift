import Foundation

/// A JSON array written an element at a time, so a long list never sits in memory whole: `[`,
/// then each element as sorted, indented JSON, then `]` and a newline.
public final class JSONArrayWriter {
    private let output: BufferedOutput
    private let encoder: JSONEncoder
    /// Elements written.
    public private(set) var count = 0

    /// Opens `destination` through `OutputFile`; `finish()` closes the array and moves it into place.
    public init(destination: String) throws {
        output = BufferedOutput(try OutputFile(destination: destination))
        encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        try output.append("[")
    }

    /// Appends one element.
    public func write(_ element: some Encodable) throws {
        let json = try encoder.encode(element)
        var indented = Array((count == 0 ? "\n  " : ",\n  ").utf8)
        indented.reserveCapacity(indented.count + json.count + json.count / 8)
        // Encoded strings carry their line breaks escaped, so every raw line break is layout.
        for byte in json {
            indented.append(byte)
            if byte == 0x0A { indented.append(contentsOf: [0x20, 0x20]) }
        }
        try output.append(indented)
        count += 1
    }

    /// Closes the array, flushes, and moves the file into place.
    public func finish() throws {
        try output.append(count == 0 ? "]\n" : "\n]\n")
        try output.finish()
    }
}
