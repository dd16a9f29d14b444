import Foundation

/// Receives a document's events from `XMLPushParser`; anything it throws stops the parse.
protocol SAXHandler: AnyObject {
    /// An element starts; what the tag points at is libxml2's, valid only during the call.
    func startElement(_ tag: SAXStartTag, in parser: XMLPushParser) throws
    /// The innermost open element ends.
    func endElement(in parser: XMLPushParser) throws
    /// Text inside the innermost open element (entities replaced); one text may come in pieces.
    func characters(_ text: UnsafeBufferPointer<UInt8>, in parser: XMLPushParser) throws
    /// The schema rejects something at the parser's current position; the parse goes on unless this throws.
    func invalid(_ error: XMLInputError, in parser: XMLPushParser) throws
}

/// An element's start tag, borrowed from libxml2 for the length of one `startElement` call.
struct SAXStartTag {
    /// The local name. libxml2 interns names, so within one document a name keeps its address.
    let localName: UnsafePointer<UInt8>
    /// The namespace URI, interned the same way; nil when the element has none.
    let namespace: UnsafePointer<UInt8>?
    let attributeCount: Int
    let attributes: UnsafeMutablePointer<UnsafePointer<UInt8>?>?

    /// The interned local name of attribute `index`.
    func attributeName(_ index: Int) -> UnsafePointer<UInt8> {
        attributes![index * 5]!  // localname, prefix, URI, value, end
    }

    /// The value of attribute `index`, entities replaced. Without entity substitution libxml2
    /// hands a SAX2 handler every `&` of a value as the character reference `&#38;` (the one it
    /// leaves for the tree builder to resolve), so that is resolved here.
    func attributeValue(_ index: Int) -> String {
        let start = attributes![index * 5 + 3]!
        let bytes = UnsafeBufferPointer(start: start, count: attributes![index * 5 + 4]! - start)
        let value = String(decoding: bytes, as: UTF8.self)
        return bytes.contains(UInt8(ascii: "&")) ? value.replacingOccurrences(of: "&#38;", with: "&") : value
    }
}
