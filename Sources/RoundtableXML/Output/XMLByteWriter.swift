import Foundation
import RoundtableCore

/// Writes XML as bytes into an output file, escaping exactly as libxml2's xmlTextWriter does and
/// stripping what XML 1.0 forbids. For the one document written by the million rows (rosters):
/// xmlTextWriter allocates and copies a name for every element, which made it the slower half
/// of an export. The caller lays out the elements and their indentation.
final class XMLByteWriter {
    private let file: OutputFile
    // Touched for every byte written: Swift's dynamic exclusivity check cost a quarter of an export.
    @exclusivity(unchecked) private var buffer: [UInt8] = []
    private static let flushSize = 256 * 1024

    /// Writes into `file`; `finish()` flushes and moves the file into place.
    init(file: OutputFile) {
        self.file = file
        buffer.reserveCapacity(Self.flushSize + 4096)
    }

    /// Appends markup as it is (names, punctuation, indentation: nothing from the data).
    func raw(_ markup: StaticString) throws {
        markup.withUTF8Buffer { buffer.append(contentsOf: $0) }
        if buffer.count >= Self.flushSize { try flush() }
    }

    /// Appends `value` escaped for element content: `&`, `<`, `>`, `"` and CR as references.
    func text(_ value: String) throws {
        try escaped(value, inAttribute: false)
    }

    /// Appends `value` escaped for a double-quoted attribute: also tab and line feed as references.
    func attributeValue(_ value: String) throws {
        try escaped(value, inAttribute: true)
    }

    /// Flushes, makes the file durable and renames it into place.
    func finish() throws {
        try flush()
        try file.commit()
    }

    private func escaped(_ value: String, inAttribute: Bool) throws {
        XMLEscaping.append(value, inAttribute: inAttribute, to: &buffer)
        if buffer.count >= Self.flushSize { try flush() }
    }

    private func flush() throws {
        try buffer.withUnsafeBytes { try file.write($0) }
        buffer.removeAll(keepingCapacity: true)
    }
}
