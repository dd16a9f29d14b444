import Foundation
import Testing
@testable import RoundtableCore

/// Light checks on e-mail addresses and phone numbers.
@Suite("ContactRules")
struct ContactRulesTests {
    @Test("plausible e-mail addresses are accepted and trimmed", arguments: [
        ("anna@example.fi", "anna@example.fi"), ("  anna.virtanen@example.fi ", "anna.virtanen@example.fi"),
        ("o+tag@mail.example.no", "o+tag@mail.example.no"), ("ÅSA@exempel.se", "ÅSA@exempel.se"),
    ])
    func acceptsEmail(text: String, stored: String) throws {
        #expect(try ContactRules.email(text) == stored)
    }

    @Test("typos in e-mail addresses are usage errors", arguments: [
        "", "anna", "anna@", "@example.fi", "anna@example", "anna@example.fi.", "anna@@example.fi",
        "anna@b@example.fi", "anna virtanen@example.fi", "anna@exa mple.fi", "anna\t@example.fi",
    ])
    func refusesEmail(text: String) {
        let error = expectRoundtableError(.usage) { try ContactRules.email(text) }
        #expect(error?.message.contains("not an e-mail address") == true)
    }

    @Test("phone numbers with digits, spaces, dashes, brackets and a leading plus", arguments: [
        "+358 40 123 4567", "040-123 4567", "(09) 123 456", "+4722334455", "12345", " +47 22 33 44 55 ",
    ])
    func acceptsPhone(text: String) throws {
        #expect(try ContactRules.phone(text) == text.trimmingCharacters(in: .whitespaces))
    }

    @Test("other phone numbers are usage errors", arguments: [
        "", "1234", "+1234", "call me", "+358 40 123 4567 ext", "++358401234567", "358+401234567", "-----",
        "040.123.4567",
    ])
    func refusesPhone(text: String) {
        let error = expectRoundtableError(.usage) { try ContactRules.phone(text) }
        #expect(error?.message.contains("not a phone number") == true)
    }

    @Test("free attributes read name=value")
    func attributes() throws {
        let parsed = try ParticipantAttribute.parse("segment=SMB")
        #expect(parsed.name == "segment")
        #expect(parsed.value == "SMB")
        #expect(try ParticipantAttribute.parse("note=a=b").value == "a=b")
        #expect(try ParticipantAttribute.parse("city=").value == "")
        expectRoundtableError(.usage) { try ParticipantAttribute.parse("=x") }
        expectRoundtableError(.usage) { try ParticipantAttribute.parse("segment") }
        expectRoundtableError(.usage) { try ParticipantAttribute.parse("  =x") }
    }

    @Test("locales: a 2-8 letter language, then 1-8 letters or digits after each - or _",
          arguments: ["fi-FI", "sv_FI", "nb", " fi-FI ", "zh-Hant-TW", "es-419", "abcdefgh-12345678"])
    func acceptsLocale(text: String) throws {
        #expect(try ContactRules.locale(text) == text.trimmingCharacters(in: .whitespaces))
    }

    @Test("not locales", arguments: ["", "f", "fi-", "-FI", "fi--FI", "1i-FI", "fi-FIFIFIFIF", "abcdefghi", "fi FI", "fï-FI"])
    func refusesLocale(text: String) {
        expectRoundtableError(.usage) { try ContactRules.locale(text) }
    }
}
