import Foundation
import FuzzSupport
import RoundtableCore
import RoundtableXML

/// A native roster, as `import roster FILE` reads it: the SAX push parser with the XSD validator
/// plugged in, the row builder, and each row's checks (`RosterEntry.validated()`).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRosterParser(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    Fuzz.one(data, size) { bytes in
        let reader = try RosterReader(path: Fuzz.file("roster.xml", bytes))
        var rows = 0
        try reader.read { item in
            if case .entry(let entry) = item { rows += entry.attributes.count + entry.consents.count + 1 } else { rows += 1 }
        }
        _ = (reader.declaredPartner, reader.warningMessages, rows)
    }
}
