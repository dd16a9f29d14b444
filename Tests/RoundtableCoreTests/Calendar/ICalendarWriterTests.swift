import Foundation
import Testing
@testable import RoundtableCore

/// Content lines: TEXT escaping, parameter quoting, folding at 75 octets on UTF-8 boundaries.
@Suite("ICalendarWriter")
struct ICalendarWriterTests {
    /// The physical lines of folded output, as bytes, without their CRLF.
    func physicalLines(_ text: String) -> [[UInt8]] {
        var lines: [[UInt8]] = [[]]
        let bytes = Array(text.utf8)
        var index = 0
        while index < bytes.count {
            if bytes[index] == 0x0D, index + 1 < bytes.count, bytes[index + 1] == 0x0A {
                lines.append([])
                index += 2
            } else {
                lines[lines.count - 1].append(bytes[index])
                index += 1
            }
        }
        #expect(lines.last == [], "output ends with CRLF")
        return lines.dropLast()
    }

    func unfold(_ text: String) -> String {
        text.replacingOccurrences(of: "\r\n ", with: "").replacingOccurrences(of: "\r\n", with: "\n")
    }

    @Test func escapesBackslashSemicolonCommaAndLineBreaks() {
        #expect(ICalendarWriter.escapeText(#"C:\temp; Oslo, Bergen"#) == #"C:\\temp\; Oslo\, Bergen"#)
        #expect(ICalendarWriter.escapeText("one\ntwo\r\nthree\rfour") == #"one\ntwo\nthree\nfour"#)
        #expect(ICalendarWriter.escapeText("bell\u{07}\ttab") == "bell\ttab", "controls other than tab are dropped")
        #expect(ICalendarWriter.escapeText("Äijälä: 👩‍👩‍👧") == "Äijälä: 👩‍👩‍👧", "colons and non-ASCII stay as they are")
    }

    @Test func quotesParameterValuesOnlyWhenTheyMust() {
        #expect(ICalendarWriter.parameterValue("Åsa Lind") == "Åsa Lind")
        #expect(ICalendarWriter.parameterValue("Berg, Øystein") == #""Berg, Øystein""#)
        #expect(ICalendarWriter.parameterValue("a;b:c") == #""a;b:c""#)
        #expect(ICalendarWriter.parameterValue(#"Matti "Masa" ^ J"#) == "Matti ^'Masa^' ^^ J", "RFC 6868 carets")
        #expect(ICalendarWriter.parameterValue("two\nlines") == "two^nlines")
    }

    @Test func writesPropertiesWithCRLF() {
        var writer = ICalendarWriter()
        writer.begin("VEVENT")
        writer.text("SUMMARY", "Konsepti, vaihe 1", ["LANGUAGE": "fi"])
        writer.property("ORGANIZER", ["CN": "Berg, Øystein"], raw: "mailto:oystein@example.no")
        writer.end("VEVENT")
        #expect(writer.output == "BEGIN:VEVENT\r\nSUMMARY;LANGUAGE=fi:Konsepti\\, vaihe 1\r\n"
            + "ORGANIZER;CN=\"Berg, Øystein\":mailto:oystein@example.no\r\nEND:VEVENT\r\n")
    }

    @Test func shortLinesAreNotFolded() {
        let line = "SUMMARY:" + String(repeating: "x", count: 67)
        #expect(ICalendarWriter.fold(line) == line + "\r\n", "75 octets fit")
    }

    @Test func foldsBeforeACharacterThatWouldCrossOctet75() {
        // 74 octets, then a 4-octet emoji: it must start the continuation line, not be split.
        let emoji = ICalendarWriter.fold("SUMMARY:" + String(repeating: "x", count: 66) + "🦊ok")
        #expect(emoji == "SUMMARY:" + String(repeating: "x", count: 66) + "\r\n 🦊ok\r\n")
        // Exactly 75 octets fill the first line; the 2-octet Å goes on.
        let full = ICalendarWriter.fold("SUMMARY:" + String(repeating: "x", count: 67) + "Åsa")
        #expect(full == "SUMMARY:" + String(repeating: "x", count: 67) + "\r\n Åsa\r\n")
        // 74 octets and a 2-octet Ø: Ø would end at octet 76.
        let two = ICalendarWriter.fold("SUMMARY:" + String(repeating: "x", count: 66) + "Ø")
        #expect(two == "SUMMARY:" + String(repeating: "x", count: 66) + "\r\n Ø\r\n")
    }

    @Test func foldsNordicNamesAndEmojiOnUTF8Boundaries() throws {
        let names = "Äijälä Øystein Åsa Jääskeläinen Þórunn Sønstebø Ærøskøbing 🇫🇮🇳🇴🇸🇪 👩🏽‍💻 Öölannin Ångström "
        let line = "ATTENDEE;CN=\"" + String(repeating: names, count: 5) + "\":mailto:a@example.fi"
        let folded = ICalendarWriter.fold(line)
        let lines = physicalLines(folded)
        #expect(lines.count > 8)
        for (number, bytes) in lines.enumerated() {
            #expect(bytes.count <= 75, "line \(number) has \(bytes.count) octets")
            #expect(String(validating: bytes, as: UTF8.self) != nil, "line \(number) splits a UTF-8 character")
            if number > 0 { #expect(bytes.first == 0x20, "continuation lines start with one space") }
        }
        // Greedy: a line is only cut short when the next character would not fit.
        for bytes in lines.dropLast() {
            #expect(bytes.count > 71, "a line was cut earlier than it had to be")
        }
        #expect(unfold(folded) == line + "\n")
    }

    @Test func writesDateTimesAndOffsets() {
        let instant = Fixture.utc("2027-03-28T07:00:00Z")
        #expect(ICalendarWriter.utcDateTime(instant) == "20270328T070000Z")
        #expect(ICalendarWriter.utcDateTime(instant.addingTimeInterval(0.75)) == "20270328T070000Z", "whole seconds")
        #expect(ICalendarWriter.localDateTime(instant, Fixture.helsinki) == "20270328T100000")
        #expect(ICalendarWriter.localDateTime(instant, Fixture.oslo) == "20270328T090000")
        #expect(ICalendarWriter.utcOffset(10800) == "+0300")
        #expect(ICalendarWriter.utcOffset(-12600) == "-0330")
        #expect(ICalendarWriter.utcOffset(20700) == "+0545")
        #expect(ICalendarWriter.utcOffset(0) == "+0000")
    }
}
