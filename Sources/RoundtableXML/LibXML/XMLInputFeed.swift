import Foundation

/// Bytes handed over on demand, for a parser to read as they come.
protocol ByteSource: AnyObject {
    /// Fills the start of `buffer` and says how much it filled; 0 only at the end.
    func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int
}

/// What libxml2's read callback pulls from: a `ByteSource`, its first bytes read ahead for
/// `InputPrescan`, and the error that stopped it, kept for the reader to throw.
final class XMLInputFeed {
    private let source: any ByteSource
    /// Up to `InputPrescan.window` leading bytes, read before the parser starts.
    private(set) var head: [UInt8] = []
    private var served = 0
    private var attributes: AttributeCounter
    /// Why the source stopped, once it has.
    private(set) var error: (any Error)?

    init(_ source: any ByteSource, label: String) throws {
        self.source = source
        attributes = AttributeCounter(file: label)
        var buffer = [UInt8](repeating: 0, count: InputPrescan.window)
        var filled = 0
        while filled < buffer.count {
            let got = try buffer.withUnsafeMutableBytes { raw in
                try source.read(into: UnsafeMutableRawBufferPointer(rebasing: raw[filled...]))
            }
            if got == 0 { break }
            filled += got
        }
        head = Array(buffer[..<filled])
        try head.withUnsafeBytes { try attributes.scan($0) }
    }

    /// What the read callback returns: bytes copied into `buffer`, 0 at the end, -1 on an error.
    func read(into buffer: UnsafeMutableRawBufferPointer) -> Int32 {
        guard error == nil else { return -1 }
        if served < head.count {
            let count = min(buffer.count, head.count - served)
            head.withUnsafeBytes { raw in buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: raw[served..<(served + count)])) }
            served += count
            return Int32(count)
        }
        do {
            let count = try source.read(into: buffer)
            try attributes.scan(UnsafeRawBufferPointer(rebasing: buffer[..<count]))
            return Int32(count)
        } catch {
            self.error = error
            return -1
        }
    }
}
