import Foundation
internal import CLibXML2
import RoundtableCore

/// A pull reader over one untrusted document (libxml2's xmlTextReader), hardened and optionally
/// validating against an XSD as it streams. Owns the C reader and the file descriptor.
final class XMLStreamReader {
    /// What the reader stopped on.
    enum Node: Equatable {
        case start(String)
        case end(String)
        case text
    }

    /// The file name or label used in errors.
    let file: String
    private let reader: xmlTextReaderPtr
    private let collector: XMLErrorCollector
    private(set) var fileDescriptor: Int32 = -1
    private(set) var memory: UnsafeMutableBufferPointer<CChar>?
    private var feed: XMLInputFeed?

    /// Opens `path`, refusing it if larger than `maxSize` bytes, compressed, or declaring a DOCTYPE.
    init(path: String, maxSize: Int64, schema: XMLSchema?) throws {
        _ = LibXMLSetup.ready
        file = path
        let fd = try UntrustedFile.open(path, maxSize: maxSize)
        fileDescriptor = fd
        // Read through a feed rather than xmlReaderForFd, so AttributeCounter sees every start tag
        // before libxml2, whose attribute handling is quadratic in their number.
        let feed: XMLInputFeed
        do {
            feed = try XMLInputFeed(DescriptorSource(fd, file: path), label: path)
        } catch {
            close(fd)
            throw error
        }
        guard let reader = Self.reader(reading: feed, label: path) else {
            close(fd)
            throw XMLInputError(file: path, message: "libxml2 could not open the file")
        }
        self.feed = feed
        self.reader = reader
        collector = XMLErrorCollector(file: path)
        try attach(schema)
    }

    /// Reads a document as `source` hands it over, such as an archive entry as it is unpacked;
    /// `label` names it in errors. Compressed content and DOCTYPEs are refused as for a path, and an
    /// error `source` throws (a limit reached, damaged data) is the error `next()` throws.
    init(source: any ByteSource, label: String, schema: XMLSchema?) throws {
        _ = LibXMLSetup.ready
        file = label
        let feed = try XMLInputFeed(source, label: label)
        try InputPrescan.check(feed.head, file: label)
        guard let reader = Self.reader(reading: feed, label: label)
        else { throw XMLInputError(file: label, message: "libxml2 could not read the document") }
        self.feed = feed
        self.reader = reader
        collector = XMLErrorCollector(file: label)
        try attach(schema)
    }

    /// Reads a document held in memory; `label` names it in errors.
    init(bytes: [UInt8], label: String, schema: XMLSchema?) throws {
        _ = LibXMLSetup.ready
        file = label
        try InputPrescan.check(Array(bytes.prefix(InputPrescan.window)), file: label)
        var attributes = AttributeCounter(file: label)
        try bytes.withUnsafeBytes { try attributes.scan($0) }
        // libxml2 reads the buffer in place for the reader's whole life, so it gets a copy we own.
        let buffer = UnsafeMutableBufferPointer<CChar>.allocate(capacity: max(bytes.count, 1))
        let base = buffer.baseAddress!
        bytes.withUnsafeBytes { source in
            if let source = source.baseAddress { memcpy(base, source, bytes.count) }
        }
        guard let reader = xmlReaderForMemory(base, Int32(bytes.count), label, nil,
                                              LibXMLSetup.untrustedParseOptions)
        else {
            buffer.deallocate()
            throw XMLInputError(file: label, message: "libxml2 could not read the document")
        }
        memory = buffer
        self.reader = reader
        collector = XMLErrorCollector(file: label)
        try attach(schema)
    }

    /// A reader pulling its bytes from `feed`, which it keeps alive until it is freed.
    private static func reader(reading feed: XMLInputFeed, label: String) -> xmlTextReaderPtr? {
        let read: xmlInputReadCallback = { context, buffer, length in
            guard let context, let buffer, length >= 0 else { return -1 }
            let feed = Unmanaged<XMLInputFeed>.fromOpaque(context).takeUnretainedValue()
            return feed.read(into: UnsafeMutableRawBufferPointer(start: buffer, count: Int(length)))
        }
        // libxml2 calls this once, when it frees the reader or fails to make one.
        let close: xmlInputCloseCallback = { context in
            if let context { Unmanaged<XMLInputFeed>.fromOpaque(context).release() }
            return 0
        }
        return xmlReaderForIO(read, close, Unmanaged.passRetained(feed).toOpaque(), label, nil,
                              LibXMLSetup.untrustedParseOptions)
    }

    deinit {
        xmlFreeTextReader(reader)
        if fileDescriptor >= 0 { close(fileDescriptor) }
        memory?.deallocate()
    }

    private func attach(_ schema: XMLSchema?) throws {
        xmlTextReaderSetStructuredErrorHandler(reader, XMLErrorCollector.callback,
                                               Unmanaged.passUnretained(collector).toOpaque())
        if let schema, xmlTextReaderSetSchema(reader, schema.pointer) != 0 {
            throw XMLInputError(file: file, message: "libxml2 could not attach the schema")
        }
    }

    /// Moves to the next element start, element end or text; nil at the end of the document.
    /// A well-formedness error throws; validation errors wait in `takeErrors()`.
    func next() throws -> Node? {
        while true {
            let status = xmlTextReaderRead(reader)
            // Validation errors still pending at the end belong to the last record: the caller takes them.
            if status == 0 { return nil }
            guard status == 1 else { throw feed?.error ?? stopError() }
            switch xmlTextReaderNodeType(reader) {
            case Int32(XML_READER_TYPE_ELEMENT.rawValue):
                if !isNativeNamespace, let namespace = namespaceURI, XMLStreamReader.xincludeNamespaces.contains(namespace) {
                    throw XMLInputError(file: file, line: line, column: column, message: "XInclude is not accepted in imported files")
                }
                return .start(localName)
            case Int32(XML_READER_TYPE_END_ELEMENT.rawValue):
                return .end(localName)
            case Int32(XML_READER_TYPE_TEXT.rawValue), Int32(XML_READER_TYPE_CDATA.rawValue),
                 Int32(XML_READER_TYPE_SIGNIFICANT_WHITESPACE.rawValue):
                return .text
            case Int32(XML_READER_TYPE_DOCUMENT_TYPE.rawValue), Int32(XML_READER_TYPE_ENTITY_REFERENCE.rawValue):
                throw XMLInputError(file: file, line: line, column: column,
                                    message: "DTDs and entity references are not accepted")
            default:
                continue
            }
        }
    }

    /// Whether the element just started has no content (`<a/>`).
    var isEmptyElement: Bool { xmlTextReaderIsEmptyElement(reader) == 1 }

    /// The current node's local name.
    var localName: String {
        guard let pointer = xmlTextReaderConstLocalName(reader) else { return "" }
        return interned(pointer)
    }

    /// Names libxml2 has interned, by address: a document uses a dozen names a million times,
    /// and comparing an address is far cheaper than making a String each time.
    private var names: [(pointer: UnsafePointer<xmlChar>, name: String)] = []

    private func interned(_ pointer: UnsafePointer<xmlChar>) -> String {
        for entry in names where entry.pointer == pointer { return entry.name }
        let name = String(cString: pointer)
        if names.count < 64 { names.append((pointer, name)) }
        return name
    }

    /// Whether the current node is in Roundtable's namespace. libxml2 interns namespace names,
    /// so once seen, the native one is recognised by its address without making a String.
    var isNativeNamespace: Bool {
        guard let pointer = xmlTextReaderConstNamespaceUri(reader) else { return false }
        if pointer == nativeNamespacePointer { return true }
        guard String(cString: pointer) == NativeFormat.namespace else { return false }
        nativeNamespacePointer = pointer
        return true
    }

    private var nativeNamespacePointer: UnsafePointer<xmlChar>?

    /// The current node's namespace URI.
    var namespaceURI: String? {
        xmlTextReaderConstNamespaceUri(reader).map { String(cString: $0) }
    }

    /// The current text node's value.
    var value: String {
        xmlTextReaderConstValue(reader).map { String(cString: $0) } ?? ""
    }

    /// The line of the current node (accurate past 65535 thanks to BIG_LINES).
    var line: Int {
        guard let node = xmlTextReaderCurrentNode(reader) else { return Int(xmlTextReaderGetParserLineNumber(reader)) }
        return Int(xmlGetLineNo(node))
    }

    /// The parser's column, close to the current node.
    var column: Int { Int(xmlTextReaderGetParserColumnNumber(reader)) }

    /// The attributes of the element just started, by local name.
    func attributes() -> XMLAttributes {
        var result = XMLAttributes()
        guard xmlTextReaderMoveToFirstAttribute(reader) == 1 else { return result }
        repeat {
            result.pairs.append((localName, value))
        } while xmlTextReaderMoveToNextAttribute(reader) == 1
        xmlTextReaderMoveToElement(reader)
        return result
    }

    /// The text inside the element just started, leaving the reader on its end tag.
    func elementText() throws -> String {
        if isEmptyElement { return "" }
        var text = ""
        while let node = try next() {
            switch node {
            case .text: text += value
            case .end: return text
            case .start(let name):
                throw XMLInputError(file: file, line: line, column: column, message: "unexpected element <\(name)> inside text")
            }
        }
        throw XMLInputError(file: file, line: line, column: column, message: "the document ends inside an element")
    }

    /// Skips the rest of the element just started, including its children.
    func skipElement() throws {
        if isEmptyElement { return }
        var depth = 1
        while depth > 0, let node = try next() {
            switch node {
            case .start: if !isEmptyElement { depth += 1 }
            case .end: depth -= 1
            case .text: break
            }
        }
    }

    /// Validation errors recorded so far on lines before `line`, removed from the pending list.
    /// The validator runs ahead of the reader, so errors are matched to records by line, not by time.
    func takeErrors(before line: Int = .max) -> [XMLInputError] {
        let taken = collector.errors.filter { $0.line < line }
        collector.errors.removeAll { $0.line < line }
        return taken
    }

    /// Warnings recorded so far.
    var warnings: [XMLInputError] { collector.warnings }

    static let xincludeNamespaces: Set<String> = ["http://www.w3.org/2001/XInclude", "http://www.w3.org/2003/XInclude"]

    /// The error that stopped the parser. With a schema attached, libxml2 2.9 routes parse errors
    /// past the reader's handler, so the library's last error is the place to find the reason.
    private func stopError() -> XMLInputError {
        if let last = xmlGetLastError(), last.pointee.level.rawValue >= XML_ERR_ERROR.rawValue, last.pointee.message != nil {
            return XMLErrorCollector.located(last.pointee, file: file)
        }
        return collector.errors.first
            ?? XMLInputError(file: file, line: Int(xmlTextReaderGetParserLineNumber(reader)), column: column,
                             message: "the document is not well-formed")
    }
}

/// An element's few attributes, looked up by local name (a list beats hashing at this size).
struct XMLAttributes {
    var pairs: [(name: String, value: String)] = []

    subscript(name: String) -> String? {
        pairs.first { $0.name == name }?.value
    }
}
