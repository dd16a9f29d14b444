import Foundation

/// The surveys the data target reads data for. Their layouts follow the Triple-S 1.2 and 2.0
/// examples; the seed corpus (scripts/fuzz.sh) holds records for each, byte 0 naming the survey.
enum TripleSSurveys {
    struct Survey {
        var metadata: [UInt8]
        var csv: Bool
        var map: [String]
    }

    static let all: [Survey] = [
        // 0: Triple-S 1.2, fixed width, ISO-8859-1: every variable type, a bit-string multiple, ranges.
        Survey(metadata: Array(#"""
            <?xml version="1.0" encoding="ISO-8859-1"?>
            <sss version="1.2"><survey><record ident="A">
            <variable ident="1" type="character" use="serial"><name>RESPID</name><label>Respondent id</label><position start="1" finish="4"/></variable>
            <variable ident="2" type="character"><name>NAME</name><label>Name</label><position start="5" finish="20"/></variable>
            <variable ident="3" type="single"><name>CITY</name><label>City</label><position start="21" finish="21"/>
              <values><value code="1">Helsinki</value><value code="2">Oslo</value><value code="3">Tromso</value></values></variable>
            <variable ident="4" type="multiple"><name>MEDIA</name><label>Media</label><position start="22" finish="25"/>
              <values><value code="1">TV</value><value code="2">Radio</value><value code="3">Web</value><value code="4">Print</value></values></variable>
            <variable ident="5" type="quantity"><name>AGE</name><label>Age</label><position start="26" finish="28"/>
              <values><range from="18" to="99"/><value code="999">Not stated</value></values></variable>
            <variable ident="6" type="logical"><name>OPTIN</name><label>Opt in</label><position start="29" finish="29"/></variable>
            <variable ident="7" type="date"><name>JOINED</name><label>Joined</label><position start="30" finish="37"/></variable>
            <variable ident="8" type="time"><name>AT</name><label>Time</label><position start="38" finish="43"/></variable>
            <variable ident="9" type="quantity"><name>WEIGHT</name><label>Weight</label><position start="44" finish="49"/>
              <values><range from="0.0" to="9.999"/></values></variable>
            </record></survey></sss>
            """#.utf8), csv: false, map: ["name=NAME"]),
        // 1: Triple-S 2.0, CSV with a header line, spread multiple, e-mail and locale mapped.
        Survey(metadata: Array(#"""
            <?xml version="1.0" encoding="UTF-8"?>
            <sss version="2.0" languages="fi en"><survey><record ident="R" format="csv" skip="1">
            <variable ident="1" type="character" use="serial"><name>RESPID</name><label>Id</label></variable>
            <variable ident="2" type="character"><name>RESPNAME</name><label><text xml:lang="fi">Nimi</text><text xml:lang="en">Name</text></label></variable>
            <variable ident="3" type="character"><name>EMAIL</name><label>E-mail</label></variable>
            <variable ident="4" type="character"><name>LANG</name><label>Locale</label></variable>
            <variable ident="5" type="single"><name>CITY</name><label>City</label>
              <values><value code="1">Tromsø</value><value code="2">Åbo</value></values></variable>
            <variable ident="6" type="date"><name>JOINED</name><label>Joined</label></variable>
            <variable ident="7" type="multiple"><name>MEDIA</name><label>Media</label><position start="7" finish="8"/>
              <spread subfields="2"/><values><value code="1">TV</value><value code="2">Radio</value></values></variable>
            <variable ident="8" type="character"><name>TZ</name><label>Zone</label></variable>
            </record></survey></sss>
            """#.utf8), csv: true, map: ["name=RESPNAME,email=EMAIL,locale=LANG", "timeZone=TZ"]),
        // 2: Triple-S 2.0, fixed width, declared UTF-16 (the data then reads as UTF-8 unless it has a BOM).
        Survey(metadata: Array(#"""
            <?xml version="1.0" encoding="UTF-16"?>
            <sss version="2.0"><survey><record ident="F">
            <variable ident="1" type="quantity"><name>foyer</name><label>Sequential serial number</label><position start="1" finish="8"/></variable>
            <variable ident="2" type="single"><name>weekday</name><label>Weekday</label><position start="9" finish="9"/>
              <values><value code="1">Monday</value><value code="2">Tuesday</value><value code="7">Sunday</value></values></variable>
            <variable ident="3" type="single"><name>typtel</name><label>Telephone type</label><position start="10" finish="10"/>
              <values><value code="1">Fixed</value><value code="2">Mobile</value><value code="T">Other</value></values></variable>
            <variable ident="4" type="multiple"><name>spread</name><label>Spread</label><position start="11" finish="16"/>
              <spread subfields="3"/><values><value code="1">A</value><value code="10">J</value></values></variable>
            </record></survey></sss>
            """#.utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }.withBOM, csv: false, map: ["name=foyer"]),
        // 3: Triple-S 2.0, CSV in windows-1252, no serial variable (the record number is the id).
        Survey(metadata: Array(#"""
            <?xml version="1.0" encoding="windows-1252"?>
            <sss version="2.0"><survey><record ident="W" format="CSV">
            <variable ident="a" type="character"><name>who</name><label>Name</label></variable>
            <variable ident="b" type="quantity"><name>score</name><label>Score</label><values><range from="-5" to="5"/></values></variable>
            <variable ident="c" type="logical"><name>ok</name><label>OK</label></variable>
            <variable ident="d" type="time"><name>when</name><label>When</label></variable>
            </record></survey></sss>
            """#.utf8), csv: true, map: ["name=a"]),
    ]
}

private extension Array where Element == UInt8 {
    /// The UTF-16 LE bytes with their byte order mark.
    var withBOM: [UInt8] { [0xFF, 0xFE] + self }
}
