import Foundation
import Testing
@testable import RoundtableCore
@testable import RoundtableXML

@Suite("Backup keys: the byte-by-byte fast path reads what EntityKey(parsing:) reads")
struct WorkspaceKeyTests {
    @Test(arguments: ["U-000042", "U-1", "U-999999999999", "U-0000000000000000000000001", "u-000042", "U000042", "U-",
                      "U-0", "U-000000", "U-12a", " U-000042", "U-000042 ", "P-000042", "U-٣", "U-99999999999999999999"])
    func theFastPathAgreesWithTheParser(_ text: String) {
        let parsed = try? EntityKey(parsing: text, as: .utterance)
        if let fast = WorkspaceRecords.plainKeyNumber(text, prefix: KeyedEntity.utterance.prefix) {
            #expect(parsed?.id == fast, "\(text)")
        }
        // Everything else falls back to the parser, so only agreement where the fast path answers matters;
        // the plain shapes exports write must take the fast path.
        if ["U-000042", "U-1", "U-999999999999"].contains(text) {
            #expect(WorkspaceRecords.plainKeyNumber(text, prefix: "U") == parsed?.id)
        }
    }
}
