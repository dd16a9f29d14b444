import Foundation
import FuzzSupport
import RoundtableCore
import RoundtableXML

/// A Triple-S data file, as `import roster FILE.sss` reads it: the first byte picks one of the
/// surveys below (fixed-width or CSV, every variable type, declared in several encodings), the
/// rest is the data file beside it.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTripleSData(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    Fuzz.one(data, size) { bytes in
        guard let first = bytes.first else { return }
        let survey = TripleSSurveys.all[Int(first) % TripleSSurveys.all.count]
        let name = "survey\(Int(first) % TripleSSurveys.all.count)"
        let sss = Fuzz.file(name + ".sss", survey.metadata)
        Fuzz.file(name + (survey.csv ? ".csv" : ".asc"), Array(bytes.dropFirst()))
        let reader = try TripleSReader(path: sss, mapping: TripleSMapping(flags: survey.map))
        var rows = 0
        try reader.read { _ in rows += 1 }
        _ = (reader.warningMessages, rows)
    }
}
