import Foundation
import RoundtableCore

/// Finds the `templates/` folder that ships beside the package: `$ROUNDTABLE_TEMPLATES`, the working
/// directory, or above the executable (so `swift run` works from anywhere in the checkout).
enum TemplateFolder {
    static func locate(_ subfolder: String) throws -> URL {
        var candidates: [URL] = []
        if let configured = ProcessInfo.processInfo.environment["ROUNDTABLE_TEMPLATES"], !configured.isEmpty {
            candidates.append(URL(fileURLWithPath: configured))
        }
        candidates.append(URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent("templates"))
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<6 {
            candidates.append(directory.appendingPathComponent("templates"))
            directory.deleteLastPathComponent()
        }
        for candidate in candidates {
            let folder = candidate.appendingPathComponent(subfolder)
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue {
                return folder
            }
        }
        throw RoundtableError(.inputMissing,
                              "cannot find templates/\(subfolder) (run from the Roundtable checkout or set ROUNDTABLE_TEMPLATES)")
    }
}
