import Foundation

/// XML markup as bytes, handed on in large chunks to `sink` (a zip entry or a scratch file):
/// escaping as xmlTextWriter does and stripping what XML 1.0 forbids. A project.qde names a
/// selection for every turn, a million of them at a million turns, so nothing goes through
/// xmlTextWriter's per-element allocations or waits in memory.
final class REFIXMLOutput {
    private static let flushSize = 128 << 10
    private let sink: (UnsafeRawBufferPointer) throws -> Void
    @exclusivity(unchecked) private var buffer: [UInt8] = []

    init(sink: @escaping (UnsafeRawBufferPointer) throws -> Void) {
        self.sink = sink
        buffer.reserveCapacity(Self.flushSize + 4096)
    }

    /// Markup as it is (names, punctuation, indentation: nothing from the data).
    func raw(_ markup: StaticString) throws {
        markup.withUTF8Buffer { buffer.append(contentsOf: $0) }
        if buffer.count >= Self.flushSize { try flush() }
    }

    /// Digits of a number.
    func number(_ value: Int) throws {
        var digits = String(value)
        digits.withUTF8 { buffer.append(contentsOf: $0) }
    }

    /// ` name="value"`, the value escaped; nothing when `value` is nil.
    func attribute(_ name: StaticString, _ value: String?) throws {
        guard let value else { return }
        buffer.append(UInt8(ascii: " "))
        name.withUTF8Buffer { buffer.append(contentsOf: $0) }
        buffer.append(contentsOf: [UInt8(ascii: "="), UInt8(ascii: "\"")])
        escaped(value, inAttribute: true)
        buffer.append(UInt8(ascii: "\""))
    }

    /// ` name="digits"`.
    func attribute(_ name: StaticString, _ value: Int) throws {
        buffer.append(UInt8(ascii: " "))
        name.withUTF8Buffer { buffer.append(contentsOf: $0) }
        buffer.append(contentsOf: [UInt8(ascii: "="), UInt8(ascii: "\"")])
        try number(value)
        buffer.append(UInt8(ascii: "\""))
    }

    /// Element content, escaped.
    func text(_ value: String) throws {
        escaped(value, inAttribute: false)
        if buffer.count >= Self.flushSize { try flush() }
    }

    /// Hands on what is buffered.
    func flush() throws {
        guard !buffer.isEmpty else { return }
        try buffer.withUnsafeBytes { try sink($0) }
        buffer.removeAll(keepingCapacity: true)
    }

    private func escaped(_ value: String, inAttribute: Bool) {
        XMLEscaping.append(value, inAttribute: inAttribute, to: &buffer)
    }
}
