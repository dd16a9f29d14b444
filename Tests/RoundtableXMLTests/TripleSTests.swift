import Foundation
import RoundtableCore
import Testing
@testable import RoundtableXML

@Suite("TripleSReader reads Triple-S 1.2 and 2.0 surveys as roster rows")
struct TripleSTests {
    /// `../shared/interop/samples/triple-s/` beside the checkout.
    static let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/interop/samples/triple-s")

    static func sample(_ number: Int) -> String { samples.appendingPathComponent("andrie-sss_sample-\(number).sss").path }

    struct Read {
        var entries: [RosterEntry] = []
        var rejected: [(line: Int, message: String)] = []
        var warnings: [String] = []
    }

    static func read(_ path: String, _ map: String...) throws -> Read {
        let reader = try TripleSReader(path: path, mapping: TripleSMapping(flags: map))
        var result = Read()
        try reader.read { item in
            switch item {
            case .entry(let entry): result.entries.append(entry)
            case .rejected(let line, let message): result.rejected.append((line, message))
            }
        }
        result.warnings = reader.warningMessages
        return result
    }

    static func values(_ entry: RosterEntry) -> [String: String] {
        Dictionary(uniqueKeysWithValues: entry.attributes.map { ($0.name, $0.value) })
    }

    @Test func sample1FixedWidthKeepsEveryVariableWithItsLabels() throws {
        let reader = try TripleSReader(path: Self.sample(1), mapping: TripleSMapping(flags: ["name=Q1"]))
        #expect(reader.metadata.version == "1.2" && reader.metadata.layout == .fixed && reader.metadata.encoding == .latin1)
        #expect(reader.metadata.variables.map(\.name) == ["Q1", "Q2", "Q3", "Q4", "Q5", "Q6", "Q7", "Q99"])
        #expect(reader.dataPath.hasSuffix("andrie-sss_sample-1.asc"))
        let read = try Self.read(Self.sample(1), "name=Q1")
        #expect(read.rejected.isEmpty)
        #expect(read.entries.map(\.externalId) == ["1", "2", "3"], "no serial variable: the record number")
        #expect(read.entries.map(\.line) == [1, 2, 3])
        #expect(read.entries.map(\.name) == ["Visited before within the year", "Visited before that", "Visited before within the year"])
        for entry in read.entries {
            #expect(entry.attributes.map(\.name) == ["Q2", "Q3", "Q4", "Q5", "Q6", "Q7", "Q99"], "every unmapped variable, in order")
        }
        #expect(Self.values(read.entries[0]) == [
            "Q2": #"Sherwood Forest; "Friar Tuck" Restaurant; Other"#, "Q3": "Amusement Park", "Q4": "Sherwood Forest; Other",
            "Q5": "12", "Q6": "true", "Q7": "Within 3 months", "Q99": "1.4"])
        #expect(Self.values(read.entries[1]) == [
            "Q2": "Nottingham Castle", "Q3": "", "Q4": "Nottingham Castle", "Q5": "Not stated", "Q6": "true",
            "Q7": "More than 1 years time", "Q99": "0.9"])
        #expect(Self.values(read.entries[2]) == [
            "Q2": #"Sherwood Forest; "Maid Marion" Cafe; Other"#, "Q3": #""Marco's" Restaurant"#,
            "Q4": #"Other; "Maid Marion" Cafe"#, "Q5": "58", "Q6": "false", "Q7": "", "Q99": "0.7"])
        #expect(read.warnings.count == 1 && read.warnings[0].contains("record number is the partner's id"))
    }

    static let weekdays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Saturday", "Friday", "Thursday", "Wednesday", "Thursday", "Sunday"]

    @Test func sample4UTF16ReadsTenRecordsWithFrenchLabels() throws {
        let reader = try TripleSReader(path: Self.sample(4), mapping: TripleSMapping(flags: ["name=foyer"]))
        #expect(reader.metadata.version == "2.0" && reader.metadata.encoding == .utf16LE && reader.metadata.recordIdent == "A")
        #expect(reader.metadata.variables.map(\.label) == ["Sequential serial number - level foyer", "Weekday", "TYPTEL-Telephone Type"])
        #expect(reader.mappedVariables == [.name: "foyer", .id: "foyer"], "the serial number found by its label")
        let read = try Self.read(Self.sample(4), "name=foyer")
        #expect(read.rejected.isEmpty && read.warnings.isEmpty)
        #expect(read.entries.map(\.externalId) == (1...10).map(String.init))
        #expect(read.entries.map { $0.attributes.map(\.name) } == Array(repeating: ["weekday", "typtel"], count: 10))
        #expect(read.entries.map { Self.values($0)["weekday"] } == Self.weekdays)
        #expect(read.entries.map { Self.values($0)["typtel"] }
            == ["Fixed", "Fixed", "Mobile", "Mobile", "Fixed", "Mobile", "Fixed", "Fixed", "Mobile", "Mobile"])
    }

    @Test func sample5KeepsUndeclaredCodesAndSaysSo() throws {
        let reader = try TripleSReader(path: Self.sample(5), mapping: TripleSMapping(flags: ["name=foyer"]))
        #expect(reader.metadata.variables[2].codes.map(\.code) == ["1", "2", "T"])
        let read = try Self.read(Self.sample(5), "name=foyer")
        #expect(read.rejected.isEmpty && read.entries.count == 10)
        #expect(read.entries.map { Self.values($0)["weekday"] } == Self.weekdays)
        #expect(read.entries.map { Self.values($0)["typtel"] }
            == ["Fixed", "Fixed", "Mobile", "Mobile", "Fixed", "Mobile", "Fixed", "3", "3", "3"])
        #expect(read.warnings == [Self.samples.appendingPathComponent("andrie-sss_sample-5.asc").path
            + ":8: typtel: code '3' is not declared in the metadata (3 rows); kept as the code"])
    }

    /// A copy of sample 1's metadata beside `data` in a scratch folder.
    static func sample1(with data: String, in folder: TempFolder, metadata: (String) -> String = { $0 }) throws -> String {
        let sss = try String(contentsOfFile: sample(1), encoding: .isoLatin1)
        let path = folder.path("survey.sss")
        try Data(metadata(sss).utf8).write(to: URL(fileURLWithPath: path))
        _ = try folder.write(data, "survey.asc")
        return path
    }

    static let goodLine = "2101000001Amusement Park                190121101.4000"

    @Test func badRowsAreRejectedWithTheirDataLine() throws {
        let folder = try TempFolder()
        let lines = [Self.goodLine, Self.goodLine.replacingOccurrences(of: "012", with: "01X"),
                     Self.goodLine.replacingOccurrences(of: "101000001", with: "1010x0001"),
                     Self.goodLine.replacingOccurrences(of: "0121101.4", with: "0127101.4"), "", Self.goodLine]
        let read = try Self.read(try Self.sample1(with: lines.joined(separator: "\r\n") + "\r\n", in: folder), "name=Q3")
        #expect(read.entries.map(\.line) == [1, 6])
        #expect(read.rejected.map { "\($0.line): \($0.message)" } == [
            "2: Q5: '01X' is not a number", "3: Q2: '1010x0001' is not a bit string of 0s and 1s",
            "4: Q6: '7' is not a logical value (1 or 0)"])
    }

    @Test func aMissingDataFileIsAnInputError() throws {
        let folder = try TempFolder()
        let path = folder.path("lonely.sss")
        try FileManager.default.copyItem(atPath: Self.sample(1), toPath: path)
        let error = try #require(throws: RoundtableError.self) { try TripleSReader(path: path, mapping: TripleSMapping(flags: ["name=Q3"])) }
        #expect(error.kind == .inputMissing && error.message.hasPrefix(folder.path("lonely.asc") + ": the data file"))
    }

    @Test func theMappingMustNameAParticipantAndKnownVariables() throws {
        let noName = try #require(throws: RoundtableError.self) { try TripleSReader(path: Self.sample(1), mapping: TripleSMapping()) }
        #expect(noName.kind == .usage && noName.message.contains(#"Q3 ("Other attractions visited")"#))
        let unknown = try #require(throws: RoundtableError.self) {
            try TripleSReader(path: Self.sample(1), mapping: TripleSMapping(flags: ["name=Q3,email=EMAIL"]))
        }
        #expect(unknown.kind == .usage && unknown.message.contains("no variable 'EMAIL'"))
        let folder = try TempFolder()
        let file = try folder.write("# agency layout\nname = q3   # by name, any case\nid=5\n", "map.txt")
        let mapping = try TripleSMapping(flags: [], file: file)
        #expect(try TripleSReader(path: Self.sample(1), mapping: mapping).mappedVariables == [.name: "Q3", .id: "Q5"])
        let twice = try folder.write("name=a\nname=b\n", "twice.txt")
        #expect(throws: RoundtableError.usage("\(twice):2: name is mapped twice")) { try TripleSMapping(flags: [], file: twice) }
        #expect(throws: RoundtableError.self) { try TripleSMapping(flags: ["colour=Q1"]) }
    }

    @Test func onlyADoctypeNamingItsDTDIsAccepted() throws {
        let folder = try TempFolder()
        let system = try Self.sample1(with: Self.goodLine, in: folder) {
            $0.replacingOccurrences(of: #"PUBLIC "-//Triple-S//DTD Survey Interchange v1.2//EN""#, with: "SYSTEM")
        }
        #expect(try Self.read(system, "name=Q3").entries.count == 1)
        let refused = [
            ("<!DOCTYPE sss PUBLIC", #"<!DOCTYPE sss [<!ENTITY x "boom">]> <!DOCTYPE sss PUBLIC"#, "it has an internal subset"),
            ("<!DOCTYPE sss PUBLIC", #"<!DOCTYPE sss SYSTEM "a.dtd"> <!DOCTYPE sss PUBLIC"#, "DOCTYPE declarations are not accepted"),
            ("<!DOCTYPE sss PUBLIC", "<!DOCTYPE roster PUBLIC", "DOCTYPE not accepted: the document type is not sss"),
            (#""http://triple-s.org/dtd/sss_v12.dtd">"#, #""http://triple-s.org/dtd/sss_v12.dtd" [<!ENTITY x "y">]>"#, "internal subset"),
            ("<name>Q1</name>", "<name>&x;</name>", "Entity 'x' not defined"),
        ]
        for (index, (old, new, message)) in refused.enumerated() {
            let sub = folder.url.appendingPathComponent("\(index)")
            try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true)
            let path = sub.appendingPathComponent("s.sss").path
            let text = try String(contentsOfFile: Self.sample(1), encoding: .isoLatin1).replacingOccurrences(of: old, with: new)
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
            let error = try #require(throws: XMLInputError.self) { try TripleSReader(path: path, mapping: TripleSMapping(flags: ["name=Q3"])) }
            #expect(error.message.contains(message) && error.line > 0, "\(error)")
        }
    }

    @Test func csvDataInISO88591AndFixedWidthDataInUTF16WithABOM() throws {
        let folder = try TempFolder()
        let sss = #"""
            <?xml version="1.0" encoding="ISO-8859-1"?>
            <!DOCTYPE sss SYSTEM "sss_v20.dtd">
            <sss version="2.0"><survey><record ident="R" format="csv" skip="1">
            <variable ident="1" type="character" use="serial"><name>RESPID</name><label>Id</label></variable>
            <variable ident="2" type="character"><name>RESPNAME</name><label>Navn</label></variable>
            <variable ident="3" type="character"><name>EMAIL</name><label>E-post</label></variable>
            <variable ident="4" type="single"><name>CITY</name><label>By</label>
              <values><value code="1">Tromsø</value><value code="2">Åbo</value></values></variable>
            <variable ident="5" type="date"><name>JOINED</name><label>Joined</label></variable>
            <variable ident="6" type="multiple"><name>MEDIA</name><label>Media</label><position start="6" finish="7"/>
              <spread subfields="2"/><values><value code="1">TV</value><value code="2">Radio</value></values></variable>
            </record></survey></sss>
            """#
        try sss.data(using: .isoLatin1)!.write(to: folder.url.appendingPathComponent("panel.sss"))
        let csv = "RESPID,RESPNAME,EMAIL,CITY,JOINED,M1,M2\r\nN-1,\"Äijälä, Øystein\",oy@example.no,1,20260105,2,1\r\n"
            + "N-2,Åsa,,2,,,\r\nN-3,Bo,,1,20261340,,\r\n"
        try csv.data(using: .isoLatin1)!.write(to: folder.url.appendingPathComponent("panel.csv"))
        let read = try Self.read(folder.path("panel.sss"), "name=RESPNAME,email=EMAIL")
        #expect(read.entries.map(\.externalId) == ["N-1", "N-2"])
        #expect(read.entries.map(\.name) == ["Äijälä, Øystein", "Åsa"])
        #expect(read.entries.map(\.email) == ["oy@example.no", nil])
        #expect(read.entries.map(Self.values) == [["CITY": "Tromsø", "JOINED": "2026-01-05", "MEDIA": "Radio; TV"],
                                                  ["CITY": "Åbo", "JOINED": "", "MEDIA": ""]])
        #expect(read.rejected.map { "\($0.line): \($0.message)" } == ["4: JOINED: '20261340' is not a date (YYYYMMDD)"])

        let utf16 = folder.url.appendingPathComponent("utf16")
        try FileManager.default.createDirectory(at: utf16, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Self.sample(4), toPath: utf16.appendingPathComponent("s.sss").path)
        var data = Data([0xFF, 0xFE])
        data.append("00000004271\r\n00000004352\r\n".data(using: .utf16LittleEndian)!)
        try data.write(to: utf16.appendingPathComponent("s.asc"))
        let wide = try Self.read(utf16.appendingPathComponent("s.sss").path, "name=foyer")
        #expect(wide.entries.map { "\($0.externalId) \(Self.values($0)["weekday"]!) \(Self.values($0)["typtel"]!)" }
            == ["42 Sunday Fixed", "43 Friday Mobile"])
    }
}
