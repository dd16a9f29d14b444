import Foundation
internal import CLibXML2
import RoundtableCore

/// A compiled XSD, owned and freed here; shared read-only by readers that validate against it.
public final class XMLSchema: @unchecked Sendable {
    let pointer: xmlSchemaPtr

    /// Compiles an XSD from its bytes; `label` names it in errors.
    public init(xsd: Data, label: String) throws {
        _ = LibXMLSetup.ready
        let collector = XMLErrorCollector(file: label)
        let compiled: xmlSchemaPtr? = xsd.withUnsafeBytes { bytes in
            guard let parser = xmlSchemaNewMemParserCtxt(bytes.baseAddress?.assumingMemoryBound(to: CChar.self),
                                                          Int32(bytes.count))
            else { return nil }
            defer { xmlSchemaFreeParserCtxt(parser) }
            xmlSchemaSetParserStructuredErrors(parser, XMLErrorCollector.callback, Unmanaged.passUnretained(collector).toOpaque())
            return xmlSchemaParse(parser)
        }
        guard let compiled else {
            throw collector.errors.first ?? XMLInputError(file: label, message: "the schema does not compile")
        }
        pointer = compiled
    }

    deinit {
        xmlSchemaFree(pointer)
    }

    /// Roundtable's own schema for `urn:roundtable:xml:1`, bundled with the program; compiled once.
    public static func native() throws -> XMLSchema {
        try compiledNative.get()
    }

    private static let compiledNative: Result<XMLSchema, any Error> = Result {
        guard let url = Bundle.module.url(forResource: "roundtable-1", withExtension: "xsd"),
              let xsd = FileManager.default.contents(atPath: url.path)
        else {
            throw RoundtableError(.inputMissing, "the bundled schema roundtable-1.xsd is missing from this installation")
        }
        return try XMLSchema(xsd: xsd, label: "roundtable-1.xsd")
    }

    /// Where the bundled native schema lives on disk (for xmllint and for tests).
    public static var nativeSchemaURL: URL {
        Bundle.module.url(forResource: "roundtable-1", withExtension: "xsd")!
    }
}
