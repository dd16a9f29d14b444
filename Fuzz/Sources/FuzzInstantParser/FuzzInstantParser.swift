import Foundation
import FuzzSupport
import RoundtableCore

/// What a user types for a time (`--at`, `--start`): the first byte picks the `--tz` zone (or
/// none), the rest is the text. The zones are the ones with the awkward transitions.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzInstantParser(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    Fuzz.one(data, size) { bytes in
        guard let first = bytes.first else { return }
        let zone = zones[Int(first) % zones.count]
        let text = String(decoding: bytes.dropFirst(), as: UTF8.self)
        _ = try InstantParser.instant(from: text, zone: zone)
    }
}

let zones: [TimeZone?] = [nil] + [
    "UTC", "Europe/Helsinki", "Europe/Oslo", "Europe/London", "America/New_York", "Australia/Sydney",
    "Australia/Lord_Howe", "Pacific/Chatham", "Asia/Kathmandu", "America/St_Johns", "Pacific/Apia",
    "Pacific/Kiritimati", "Africa/Casablanca", "Antarctica/Troll",
].map { TimeZone(identifier: $0) }
