import ArgumentParser
import Foundation
import RoundtableCore

/// `--since DATE` with `--tz`, shared by the listings and summaries that can start at a day.
struct SinceOption: ParsableArguments {
    @Option(help: ArgumentHelp("Only from this day (2026-11-01, midnight in --tz or this computer's zone) or instant on.",
                               valueName: "date"))
    var since: String?
    @OptionGroup var zone: TimeZoneOption

    /// The zone days are read and times shown in: --tz, else this computer's.
    func viewerZone() throws -> TimeZone {
        try zone.zone() ?? TimeZone.current
    }

    /// The first instant asked for, or nil when --since was not given.
    func instant() throws -> Date? {
        guard let since else { return nil }
        let text = UnicodeText.trimmed(since)
        let isDay = text.utf8.count == 10 && text.utf8.enumerated().allSatisfy { index, byte in
            index == 4 || index == 7 ? byte == UInt8(ascii: "-") : (0x30...0x39).contains(byte)
        }
        do {
            return try InstantParser.instant(from: isDay ? text + "T00:00" : text, zone: try viewerZone())
        } catch let error as RoundtableError where error.kind == .usage && isDay {
            throw RoundtableError.usage("--since '\(since)' is not a real date (expected 2026-11-01)")
        } catch let error as RoundtableError where error.kind == .usage {
            throw RoundtableError.usage(
                "--since '\(since)' must be a date such as 2026-11-01 or a time such as 2026-11-01T09:00+02:00")
        }
    }
}
