import ArgumentParser
import Foundation
import RoundtableCore

/// `--tz ZONE`: the zone local times are read in (and shown in, for listings).
struct TimeZoneOption: ParsableArguments {
    @Option(name: .customLong("tz"), help: ArgumentHelp("IANA time zone, such as Europe/Helsinki.", valueName: "zone"))
    var identifier: String?

    /// The zone, if one was given.
    func zone() throws -> TimeZone? {
        try identifier.map(Zone.named)
    }
}
