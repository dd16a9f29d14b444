import Foundation
internal import CLibXML2
import RoundtableCore

/// A validating SAX parse of one untrusted document, fed in chunks: the cheap way to stream a
/// large file, as no node is ever built. libxml2's schema validator is plugged into the event
/// stream exactly as `xmlTextReader` plugs it in. Owns the parser, the validator and the input.
final class XMLPushParser {
    /// The file name or label used in errors.
    let file: String
    private let handler: any SAXHandler
    private let input: Input
    @exclusivity(unchecked) private var offset = 0
    private let events: UnsafeMutablePointer<xmlSAXHandler>
    /// Where `xmlSchemaSAXPlug` swaps in its own handler and context, and its unplug swaps them back.
    private let plugged: UnsafeMutablePointer<UnsafeMutablePointer<xmlSAXHandler>?>
    private let pluggedContext: UnsafeMutablePointer<UnsafeMutableRawPointer?>
    private var validator: OpaquePointer?
    private var plug: OpaquePointer?
    private var context: xmlParserCtxtPtr!
    @exclusivity(unchecked) private var failure: (any Error)?
    @exclusivity(unchecked) private var textLength = 0
    @exclusivity(unchecked) private var depth = 0
    /// The last namespace found not to be XInclude's (names are interned: compared by address).
    @exclusivity(unchecked) private var checkedNamespace: UnsafePointer<UInt8>?
    /// Warnings from the parser and the validator; they never stop a parse.
    private(set) var warnings: [XMLInputError] = []

    private enum Input {
        case descriptor(Int32)
        case memory([UInt8])
    }

    /// Opens `path`, refusing it if larger than `maxSize` bytes, compressed, or declaring a DOCTYPE.
    convenience init(path: String, maxSize: Int64, schema: XMLSchema?, handler: any SAXHandler) throws {
        try self.init(input: .descriptor(try UntrustedFile.open(path, maxSize: maxSize)), file: path, schema: schema, handler: handler)
    }

    /// Parses a document held in memory; `label` names it in errors.
    convenience init(bytes: [UInt8], label: String, schema: XMLSchema?, handler: any SAXHandler) throws {
        try InputPrescan.check(Array(bytes.prefix(InputPrescan.window)), file: label)
        try self.init(input: .memory(bytes), file: label, schema: schema, handler: handler)
    }

    private init(input: Input, file: String, schema: XMLSchema?, handler: any SAXHandler) throws {
        _ = LibXMLSetup.ready
        self.input = input
        self.file = file
        self.handler = handler
        events = .allocate(capacity: 1)
        events.initialize(to: Self.callbacks)
        plugged = .allocate(capacity: 1)
        plugged.initialize(to: events)
        pluggedContext = .allocate(capacity: 1)
        pluggedContext.initialize(to: Unmanaged.passUnretained(self).toOpaque())
        if let schema {
            guard let validator = xmlSchemaNewValidCtxt(schema.pointer) else {
                throw XMLInputError(file: file, message: "libxml2 could not start the schema validator")
            }
            self.validator = validator
            xmlSchemaSetValidStructuredErrors(validator, Self.validationError, pluggedContext.pointee)
            xmlSchemaValidateSetLocator(validator, Self.locator, pluggedContext.pointee)
            plug = xmlSchemaSAXPlug(validator, plugged, pluggedContext)
            guard plug != nil else { throw XMLInputError(file: file, message: "libxml2 could not attach the schema") }
        }
        // The first bytes go in at creation, so libxml2 sees a byte-order mark or encoding before parsing.
        var head = [CChar](repeating: 0, count: 4)
        let count = try read(into: &head)
        guard let context = xmlCreatePushParserCtxt(plugged.pointee, pluggedContext.pointee, head, Int32(count), file) else {
            throw XMLInputError(file: file, message: "libxml2 could not start a parser")
        }
        self.context = context
        context.pointee._private = Unmanaged.passUnretained(self).toOpaque()
        xmlCtxtUseOptions(context, LibXMLSetup.untrustedParseOptions)
    }

    deinit {
        if let context { xmlFreeParserCtxt(context) }
        if let plug { xmlSchemaSAXUnplug(plug) }
        if let validator { xmlSchemaFreeValidCtxt(validator) }
        events.deallocate()
        plugged.deallocate()
        pluggedContext.deallocate()
        if case .descriptor(let fd) = input { close(fd) }
    }

    /// The line the parser has reached (exact past 65535: BIG_LINES).
    var line: Int { Int(context.pointee.input.pointee.line) }
    /// The column the parser has reached.
    var column: Int { Int(context.pointee.input.pointee.col) }

    /// Parses the whole document, calling the handler as it goes. Throws the first well-formedness
    /// error or whatever the handler threw; schema errors went to `handler.invalid`.
    func parse() throws {
        var chunk = [CChar](repeating: 0, count: 256 * 1024)
        var attributes = AttributeCounter(file: file)
        while true {
            let count = try read(into: &chunk)
            try chunk.withUnsafeBytes { try attributes.scan(UnsafeRawBufferPointer(rebasing: $0[..<count])) }
            let status = xmlParseChunk(context, chunk, Int32(count), count == 0 ? 1 : 0)
            if let failure { throw failure }
            if status != 0 || context.pointee.wellFormed == 0 { throw stopError() }
            if count == 0 { return }
        }
    }

    /// Stops the parse with `error`, which `parse()` then throws.
    private func fail(_ error: any Error) {
        guard failure == nil else { return }
        failure = error
        xmlStopParser(context)
    }

    private func read(into buffer: inout [CChar]) throws -> Int {
        switch input {
        case .descriptor(let fd):
            let got = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, off_t(offset)) }
            guard got >= 0 else { throw UntrustedFile.readError(file) }
            offset += got
            return got
        case .memory(let bytes):
            let count = min(buffer.count, bytes.count - offset)
            buffer.withUnsafeMutableBytes { target in
                bytes.withUnsafeBytes { source in
                    target.baseAddress!.copyMemory(from: source.baseAddress! + offset, byteCount: count)
                }
            }
            offset += count
            return count
        }
    }

    /// The parser's own account of why it stopped.
    private func stopError() -> XMLInputError {
        if let last = xmlCtxtGetLastError(context), last.pointee.level.rawValue >= XML_ERR_ERROR.rawValue {
            return XMLErrorCollector.located(last.pointee, file: file)
        }
        return XMLInputError(file: file, line: line, column: column, message: "the document is not well-formed")
    }

    /// libxml2 stops at 10,000,000 bytes of text and 256 levels of nesting when it builds nodes;
    /// a SAX parse builds none, so it keeps the same limits itself.
    private static let maximumTextLength = 10_000_000
    private static let maximumDepth = 256
    private static let xincludeNamespaces = XMLStreamReader.xincludeNamespaces
}

// MARK: - C callbacks

extension XMLPushParser {
    private static func parser(_ context: UnsafeMutableRawPointer?) -> XMLPushParser {
        Unmanaged<XMLPushParser>.fromOpaque(context!).takeUnretainedValue()
    }

    /// Runs `body` with the parser `context` points at, without retaining it: the parse runs inside
    /// one of its methods, so it is alive, and libxml2 calls back several times an element, where
    /// a retain and a release each time showed in profiles.
    private static func with(_ context: UnsafeMutableRawPointer?, _ body: (XMLPushParser) -> Void) {
        Unmanaged<XMLPushParser>.fromOpaque(context!)._withUnsafeGuaranteedRef(body)
    }

    private func started(_ tag: SAXStartTag) {
        textLength = 0
        depth += 1
        do {
            guard depth <= Self.maximumDepth else {
                throw XMLInputError(file: file, line: line, column: column, message: "elements nested deeper than \(Self.maximumDepth)")
            }
            if let namespace = tag.namespace, namespace != checkedNamespace {
                guard !Self.xincludeNamespaces.contains(String(cString: namespace)) else {
                    throw XMLInputError(file: file, line: line, column: column, message: "XInclude is not accepted in imported files")
                }
                checkedNamespace = namespace
            }
            try handler.startElement(tag, in: self)
        } catch {
            fail(error)
        }
    }

    private func ended() {
        textLength = 0
        depth -= 1
        do { try handler.endElement(in: self) } catch { fail(error) }
    }

    private func received(_ text: UnsafeBufferPointer<UInt8>) {
        textLength += text.count
        do {
            guard textLength <= Self.maximumTextLength else {
                throw XMLInputError(file: file, line: line, column: column,
                                    message: "a text longer than \(Self.maximumTextLength) bytes")
            }
            try handler.characters(text, in: self)
        } catch {
            fail(error)
        }
    }

    private static var callbacks: xmlSAXHandler {
        var events = xmlSAXHandler()
        events.initialized = XML_SAX2_MAGIC
        events.startElementNs = { context, localName, _, namespace, _, _, attributeCount, _, attributes in
            XMLPushParser.with(context) { parser in
                guard parser.failure == nil, let localName else { return }
                parser.started(SAXStartTag(localName: localName, namespace: namespace, attributeCount: Int(attributeCount),
                                           attributes: attributes))
            }
        }
        events.endElementNs = { context, _, _, _ in
            XMLPushParser.with(context) { parser in
                guard parser.failure == nil else { return }
                parser.ended()
            }
        }
        let characters: charactersSAXFunc = { context, text, length in
            XMLPushParser.with(context) { parser in
                guard parser.failure == nil, let text else { return }
                parser.received(UnsafeBufferPointer(start: text, count: Int(length)))
            }
        }
        events.characters = characters
        events.cdataBlock = characters
        events.internalSubset = { context, _, _, _ in
            let parser = XMLPushParser.parser(context)
            parser.fail(XMLInputError(file: parser.file, line: parser.line, column: parser.column,
                                      message: "DTDs and entity references are not accepted"))
        }
        // Parser errors carry the parser; with a validator plugged in, their user data is the plug's.
        events.serror = { _, error in
            guard let error, XMLPushParser.parserDomains.contains(UInt32(error.pointee.domain)),
                  let owner = error.pointee.ctxt?.assumingMemoryBound(to: xmlParserCtxt.self).pointee._private
            else { return }
            let parser = XMLPushParser.parser(owner)
            if error.pointee.level == XML_ERR_WARNING {
                parser.warnings.append(XMLErrorCollector.located(error.pointee, file: parser.file))
            } else {
                parser.fail(XMLErrorCollector.located(error.pointee, file: parser.file))
            }
        }
        return events
    }

    /// Domains whose errors carry the parser context (the rest are routed elsewhere or are not ours).
    private static let parserDomains: Set<UInt32> = [XML_FROM_PARSER.rawValue, XML_FROM_NAMESPACE.rawValue]

    private static let validationError: xmlStructuredErrorFunc = { context, error in
        guard let error else { return }
        let parser = XMLPushParser.parser(context)
        var located = XMLErrorCollector.located(error.pointee, file: parser.file)
        if located.line == 0 { located.line = parser.line }
        if error.pointee.level == XML_ERR_WARNING {
            parser.warnings.append(located)
        } else {
            do { try parser.handler.invalid(located, in: parser) } catch { parser.fail(error) }
        }
    }

    private static let locator: xmlSchemaValidityLocatorFunc = { context, file, line in
        let parser = XMLPushParser.parser(context)
        file?.pointee = nil
        line?.pointee = UInt(parser.line)
        return 0
    }
}
