import Foundation

/// Bytes gathered before they are written, so a file of many small records takes few system calls.
final class BufferedOutput {
    private let file: OutputFile
    private var buffer: [UInt8] = []
    private static let flushSize = 256 * 1024

    init(_ file: OutputFile) {
        self.file = file
        buffer.reserveCapacity(Self.flushSize + 4096)
    }

    func append(_ text: String) throws {
        try append(text.utf8)
    }

    func append(_ bytes: some Collection<UInt8>) throws {
        buffer.append(contentsOf: bytes)
        if buffer.count >= Self.flushSize { try flush() }
    }

    func finish() throws {
        try flush()
        try file.commit()
    }

    private func flush() throws {
        try buffer.withUnsafeBytes { try file.write($0) }
        buffer.removeAll(keepingCapacity: true)
    }
}
