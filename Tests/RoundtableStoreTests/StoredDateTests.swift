import Foundation
import Testing
@testable import RoundtableCore
@testable import RoundtableStore

@Suite("Stored dates are read back without a formatter")
struct StoredDateTests {
    @Test(arguments: [0.0, 1_767_607_200.123, 951_782_400.999, -86_400.5, 4_102_444_799.001, 1_709_164_800])
    func textAndBackIsTheSameInstant(_ seconds: Double) throws {
        let date = Date(timeIntervalSince1970: seconds)
        let text = StoredDate.text(date)
        let read = try #require(Array(text.utf8).withUnsafeBufferPointer(StoredDate.date))
        #expect(abs(read.timeIntervalSince1970 - seconds) < 0.0005, "\(text)")
        #expect(StoredDate.text(read) == text)
    }

    @Test func theLeapDayAndTheFormWithoutMillisecondsAreRead() throws {
        let leap = try #require(Array("2024-02-29 23:59:59".utf8).withUnsafeBufferPointer(StoredDate.date))
        #expect(leap == Date(timeIntervalSince1970: 1_709_251_199))
    }

    @Test(arguments: ["2024-02-29T23:59:59Z", "2024-13-01 00:00:00", "2024-02-29 24:00:00", "20x4-02-29 23:59:59", "", "2024-02-29 23:59:59.12", "2023-02-29 10:00:00"])
    func otherFormsAreLeftToGRDB(_ text: String) {
        #expect(Array(text.utf8).withUnsafeBufferPointer(StoredDate.date) == nil)
    }
}
