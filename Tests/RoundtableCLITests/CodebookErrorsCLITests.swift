import Foundation
import Testing

/// A codebook entry the store would refuse is bad data in the file: exit 65, named by file:line:column.
@Suite("Codebook import errors from the command line")
struct CodebookErrorsCLITests {
    let cli: CLI

    init() throws {
        cli = try CLI()
    }

    func importing(_ name: String, _ text: String) throws -> CLI.Result {
        try Data(text.utf8).write(to: cli.folder.appendingPathComponent(name))
        return try cli.run("import", "codebook", name)
    }

    static let native = """
        <?xml version="1.0" encoding="UTF-8"?>
        <codebook xmlns="urn:roundtable:xml:1" version="2" name="Test">
          <code id="1" color="#1f77b4"><name>Channel</name></code>
          <code id="2" parent="1"><name>Phone/Fax</name></code>
        </codebook>

        """

    static func refi(_ codes: String) -> String {
        """
        <?xml version="1.0" encoding="utf-8"?>
        <CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="test">
          <Codes>
            <Code guid="8b7c5e49-9f7e-4a2b-8a2c-2f8e0c8e6f11" name="Channel" isCodable="true">
        \(codes)
            </Code>
          </Codes>
        </CodeBook>

        """
    }

    @Test func aCodeNameWithTheSeparatorIsNamedAtItsStartTag() throws {
        let result = try importing("native.xml", Self.native)
        #expect(result.status == 65)
        #expect(result.stderr == """
            error: native.xml:4:3: code Channel/Phone/Fax: a code name cannot contain '/' \
            (it separates parent and child: Channel/Phone)

            """)
        let codes = try cli.run("code", "list").stdout.split(separator: "\n")
        #expect(codes.count == 1 && codes[0].hasPrefix("CODE"), "nothing of a refused codebook is kept: \(codes)")
    }

    @Test(arguments: [
        (#"      <Code guid="8b7c5e49-9f7e-4a2b-8a2c-2f8e0c8e6f12" name="Phone/Fax" isCodable="true"/>"#,
         "5:7: code Channel/Phone/Fax: a code name cannot contain '/'"),
        (##"      <Code guid="8b7c5e49-9f7e-4a2b-8a2c-2f8e0c8e6f12" name="Phone" color="#zzzzzz"/>"##,
         "5:7: code Channel/Phone: colour '#zzzzzz' must be #rrggbb, like #1f77b4"),
        (#"      <Code guid="not-a-guid" name="Phone"/>"#, "5:7: 'not-a-guid' is not a GUID"),
        (#"      <Code guid="8b7c5e49-9f7e-4a2b-8a2c-2f8e0c8e6f12"/>"#, "5:7: <Code> has no name attribute"),
        (#"      <Code guid="8b7c5e49-9f7e-4a2b-8a2c-2f8e0c8e6f12" name="Phone">"#
            + "\n        <Description>Next\u{85}line</Description></Code>",
         "6:9: code Channel/Phone: the description contains a control character (U+85)"),
    ])
    func refiCodebookErrorsAreLocated(code: String, expected: String) throws {
        let result = try importing("tool.qdc", Self.refi(code))
        #expect(result.status == 65, "\(result.stderr)")
        #expect(result.stderr.hasPrefix("error: tool.qdc:\(expected)"), "\(result.stderr)")
    }

    @Test func theColumnCountsCharactersAndFindsTheRightTagOnALongLine() throws {
        let guid = "8b7c5e49-9f7e-4a2b-8a2c-2f8e0c8e6f1"
        let line = #"<?xml version="1.0"?><CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes>"#
            + #"<Code guid="\#(guid)1" name="Äijälä"/><Code guid="\#(guid)2" name="Å/Ö"/></Codes></CodeBook>"#
        let column = try #require(line.range(of: #"<Code guid="\#(guid)2""#)).lowerBound
        let expected = line.distance(from: line.startIndex, to: column) + 1
        let result = try importing("minified.qdc", line)
        #expect(result.status == 65)
        #expect(result.stderr.hasPrefix("error: minified.qdc:1:\(expected): code Å/Ö: a code name cannot contain '/'"),
                "\(result.stderr)")
        let marked = try importing("marked.qdc", "\u{FEFF}" + line)
        #expect(marked.stderr.hasPrefix("error: marked.qdc:1:\(expected): "), "a byte order mark is no column: \(marked.stderr)")
    }
}
