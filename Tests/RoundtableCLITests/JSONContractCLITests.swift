import Foundation
import Testing

/// Every command's `--format json` against docs/json.md, so the page and the output cannot drift apart.
@Suite struct JSONContractCLITests {
    static let page: String = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return (try? String(contentsOf: root.appendingPathComponent("docs/json.md"), encoding: .utf8)) ?? ""
    }()

    /// The commands as the page names them, with demo-workspace arguments; in this order, as later runs need the
    /// batch `code apply --search` makes. Some run twice to reach values the first run leaves null or empty.
    static let runs: [(name: String, arguments: [String])] = [
        ("panel list", ["panel", "list"]),
        ("panel show", ["panel", "show", "helsinki-pool"]),
        ("participant list", ["participant", "list"]),
        ("participant show", ["participant", "show", "P-000009"]),
        ("participant eligible", ["participant", "eligible", "--for-session", "S-0006", "--explain"]),
        ("moderator list", ["moderator", "list"]),
        ("session list", ["session", "list"]),
        ("session list", ["session", "list", "--tz", "America/New_York"]),
        ("session show", ["session", "show", "S-0001"]),
        ("concept list", ["concept", "list"]),
        ("concept show", ["concept", "show", "round-ups"]),
        ("transcript show", ["transcript", "show", "S-0001"]),
        ("transcript search", ["transcript", "search", "trust"]),
        ("note list", ["note", "list"]),
        ("code list", ["code", "list"]),
        ("code apply", ["code", "apply", "Quality", "--utterance", "U-000002", "--from", "0", "--to", "5"]),
        ("code apply --search", ["code", "apply", "Trust", "--search", "app", "--session", "S-0001", "--dry-run"]),
        ("code apply --search", ["code", "apply", "Trust", "--search", "app", "--session", "S-0001"]),
        ("code batches", ["code", "batches"]),
        ("code agreement", ["code", "agreement", "--session", "S-0001"]),
        ("comment list", ["comment", "list"]),
        ("survey summary", ["survey", "summary"]),
        ("report session", ["report", "session", "S-0001"]),
        ("report concept", ["report", "concept", "round-ups"]),
        ("report concept", ["report", "concept", "round-ups", "--by", "ageBand", "--panel", "helsinki-pool"]),
        ("report panel", ["report", "panel", "helsinki-pool"]),
        ("report codes", ["report", "codes", "--session", "S-0001", "--by", "participant"]),
        ("report codes", ["report", "codes", "--by", "attribute", "ageBand"]),
        ("report cooccurrence", ["report", "cooccurrence", "--session", "S-0001"]),
        ("export segments", ["export", "segments", "-o", "-"]),
    ]

    @Test func everyCommandPrintsWhatThePageSays() throws {
        let shapes = try JSONShapes(markdown: Self.page)
        #expect(Set(Self.runs.map(\.name)) == Set(shapes.commands.keys), "the page documents exactly the commands run here")
        var cli = try CLI()
        cli.environment["ROUNDTABLE_DB"] = cli.folder.appendingPathComponent("demo.sqlite").path
        _ = try cli.key("demo")
        var checker = JSONShapeChecker(shapes: shapes)
        for run in Self.runs {
            let result = try cli.start(run.arguments + ["--format", "json"]).finish()
            #expect(result.status == 0, "\(run.arguments.joined(separator: " ")): \(result.stderr)")
            let kind = try #require(shapes.commands[run.name])
            checker.check(try JSONValue.parse(result.stdout), kind, at: run.arguments.joined(separator: " "))
        }
        #expect(checker.problems.isEmpty, "\(checker.problems.joined(separator: "\n"))")
        let unseen = Set(shapes.shapes.keys).subtracting(checker.shapesSeen).sorted()
        #expect(unseen.isEmpty, "shapes no run printed (an empty list in the demo, or a stale shape): \(unseen)")
    }

    @Test func thePageKeepsItsOwnRules() throws {
        let shapes = try JSONShapes(markdown: Self.page)
        #expect(shapes.commands.count >= 25 && shapes.shapes.count >= 40, "the page was read")
        var families: [String: [String: String]] = [:]
        for (name, fields) in shapes.shapes {
            for field in fields {
                let at = "\(name).\(field.key)"
                #expect(JSONShapes.matches(field.key, JSONShapes.camelCase), "\(at) is not camelCase")
                var kind = field.kind
                if case .optional(let inner) = kind { kind = inner }
                #expect(JSONShapes.isInstantKey(field.key) == (kind == .instant), "\(at): instants and only instants are named as instants")
                #expect(JSONShapes.isLocalKey(field.key) == (kind == .local), "\(at): local times and only local times start with local")
                families[field.key, default: [:]][at] = field.kind.family
            }
        }
        for (key, uses) in families where Set(uses.values).count > 1 {
            Issue.record("'\(key)' holds different kinds of value: \(uses.sorted { $0.key < $1.key })")
        }
    }
}
