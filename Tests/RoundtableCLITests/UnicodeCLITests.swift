import Foundation
import Testing

@Suite("Nordic names however they were typed")
struct UnicodeCLITests {
    static let composed = "Äijälä, Øystein Åsa Bræk"
    static let decomposed = "A\u{308}ija\u{308}la\u{308}, Øystein A\u{30A}sa Bræk"

    @Test(arguments: [composed, decomposed])
    func namesAreStoredComposedAndFoundInAnyForm(typed: String) throws {
        let cli = try CLI()
        let key = try cli.key("participant", "add", "--name", typed, "--email", "asa@example.fi")
        for query in ["Äijälä", "A\u{308}ija\u{308}la\u{308}", "aijala", "ÄIJÄLÄ", "oystein", "asa brae"] {
            let found = try cli.run("participant", "list", "--search", query, "--format", "json")
            #expect(found.status == 0)
            #expect(found.stdout.contains(key), "search '\(query)' should find \(key)")
        }
        let shown = try cli.run("participant", "show", key, "--format", "json")
        let scalars = Array(shown.stdout.unicodeScalars)
        #expect(!scalars.contains("\u{308}"), "stored in composed form")
        #expect(shown.stdout.contains(Self.composed))
        #expect(try cli.run("participant", "list", "--search", "Virtanen").stdout.contains(key) == false)
    }

    @Test func forgetKeepsTheRowButNotTheName() throws {
        let cli = try CLI()
        let key = try cli.key("participant", "add", "--name", Self.composed, "--email", "asa@example.fi", "--attr", "city=Oulu")
        #expect(try cli.key("participant", "forget", key).hasPrefix("forgot \(key)"))
        let shown = try cli.run("participant", "show", key, "--format", "json")
        #expect(shown.status == 0)
        #expect(!shown.stdout.contains("Äijälä") && !shown.stdout.contains("asa@example.fi") && !shown.stdout.contains("Oulu"))
        #expect(shown.stdout.contains("\"forgotten\" : true"))
        #expect(try cli.run("participant", "list", "--search", "aijala").stdout.contains(key) == false)
    }
}
