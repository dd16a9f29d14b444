internal import CLibXML2

/// Process-wide libxml2 set-up, done once before the first document is opened.
enum LibXMLSetup {
    /// Parse options for untrusted input: no network, CDATA as text, line numbers past 65535, short
    /// text kept inside its node (as xmllint does: one allocation fewer per text node; the reader
    /// never edits the tree). Never NOENT (entity expansion), DTDLOAD, HUGE or XINCLUDE.
    static let untrustedParseOptions = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOCDATA.rawValue
        | XML_PARSE_BIG_LINES.rawValue | XML_PARSE_NOXINCNODE.rawValue | XML_PARSE_COMPACT.rawValue)

    /// Initialises the parser and installs the deny-all external entity loader.
    static let ready: Void = {
        xmlInitParser()
        roundtable_installDenyAllEntityLoader()
    }()
}
