import Foundation

extension CLI {
    /// A workspace where Liisa Virtanen (M-0001) moderates S-0001 "Mobiilipankki" on 2027-03-28 with
    /// Matti Äijälä (P-000001) and Øystein Berg (P-000002) seated; `USER` is `user`.
    static func nordicSession(user: String = "anna") throws -> CLI {
        var cli = try CLI()
        cli.environment["USER"] = user
        _ = try cli.key("moderator", "add", "Liisa Virtanen", "--email", "liisa@example.fi", "--tz", "Europe/Helsinki")
        for name in ["Matti Äijälä", "Øystein Berg"] {
            let key = try cli.key("participant", "add", "--name", name)
            _ = try cli.key("participant", "consent", key, "--scope", "contact", "--given")
        }
        _ = try cli.key("session", "schedule", "--title", "Mobiilipankki", "--start", "2027-03-28T10:00+03:00",
                        "--duration", "90m", "--moderator", "M-0001", "--capacity", "8")
        _ = try cli.key("session", "invite", "S-0001", "P-000001", "P-000002")
        return cli
    }
}
