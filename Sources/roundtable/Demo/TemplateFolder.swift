import Foundation
import RoundtableCore

/// Finds a templates subfolder (`demo`, `codebooks`, `reports`, ...): in `$ROUNDTABLE_TEMPLATES` when
/// that folder has it, else in the resource bundle installed beside the executable.
///
/// The working directory is deliberately not searched: `templates/` is a common folder name, and a
/// stranger's one must not replace the program's own. A checkout needs no special case either,
/// because every `swift build` copies the edited templates into the bundle beside the binary.
enum TemplateFolder {
    /// The environment variable naming a folder whose subfolders replace the bundled ones.
    static let variable = "ROUNDTABLE_TEMPLATES"

    /// SwiftPM names an executable's resource bundle after the package and the target.
    static let bundleName = "Roundtable_roundtable"

    static func locate(_ subfolder: String) throws -> URL {
        if let configured = ProcessInfo.processInfo.environment[variable], !configured.isEmpty {
            let root = URL(fileURLWithPath: configured)
            guard isFolder(root) else {
                throw RoundtableError(.inputMissing, "\(variable)=\(configured) is not a folder")
            }
            let folder = root.appendingPathComponent(subfolder)
            if isFolder(folder) { return folder }
        }
        let bundled = try bundledTemplates()
        let folder = bundled.appendingPathComponent(subfolder)
        guard isFolder(folder) else {
            throw RoundtableError(.inputMissing, "this installation has no templates/\(subfolder) in \(bundled.path)")
        }
        return folder
    }

    /// The `templates` folder of the bundle beside the executable. Unlike SwiftPM's `Bundle.module`,
    /// this never falls back to the build folder the binary was compiled in, and never traps: an
    /// installation that lacks its bundle says so.
    static func bundledTemplates() throws -> URL {
        // On Linux `Bundle.main` is the folder of the executable with symlinks resolved, so a
        // symlink in ~/.local/bin to an installation elsewhere still finds the bundle.
        let home = Bundle.main.bundleURL
        for suffix in ["resources", "bundle"] {
            let path = home.appendingPathComponent("\(bundleName).\(suffix)")
            if let bundle = Bundle(url: path), let templates = bundle.url(forResource: "templates", withExtension: nil),
               isFolder(templates) {
                return templates
            }
        }
        throw RoundtableError(.inputMissing, "cannot find the templates: copy \(bundleName).resources into \(home.path) "
                              + "beside the roundtable binary, or set \(variable)")
    }

    private static func isFolder(_ url: URL) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) && isDirectory.boolValue
    }
}
