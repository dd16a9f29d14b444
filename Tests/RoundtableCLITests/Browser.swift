import Foundation

/// Headless Chromium and poppler's tools, run the way scripts/test.sh installs them: renders an HTML
/// file to a PNG screenshot and an A4 PDF, reads the PDF back, and counts a PNG's coloured pixels.
enum Browser {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// What the PDF says about itself and its text.
    struct PDF {
        var pages: Int
        var pageSize: String
        var text: String
    }

    /// How many pixels of a PNG are not white, and how many match each colour asked for.
    struct Pixels: Decodable {
        var width: Int
        var height: Int
        var nonWhite: Int
        var colours: [String: Int]
    }

    /// The tool's path; a missing tool fails the test (it never skips) and says how to get it.
    static func tool(_ name: String) throws -> String {
        for folder in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let path = "\(folder)/\(name)"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        throw Failure(description: "\(name) is not installed: run scripts/test.sh, which installs chromium and poppler-utils")
    }

    /// `html` as a 1200×2000 screenshot and as a printed PDF, both in `folder`.
    static func render(_ html: URL, in folder: URL) throws -> (png: URL, pdf: URL) {
        let chromium = try tool("chromium")
        let png = folder.appendingPathComponent(html.deletingPathExtension().lastPathComponent + ".png")
        let pdf = png.deletingPathExtension().appendingPathExtension("pdf")
        let profile = folder.appendingPathComponent("chromium-profile").path
        // Root in a container needs --no-sandbox; a profile of its own keeps runs apart.
        let common = ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--user-data-dir=\(profile)",
                      "--no-first-run", "--disable-extensions"]
        try run(chromium, common + ["--window-size=1200,2000", "--screenshot=\(png.path)", html.absoluteString])
        try run(chromium, common + ["--no-pdf-header-footer", "--print-to-pdf=\(pdf.path)", html.absoluteString])
        for file in [png, pdf] where !FileManager.default.fileExists(atPath: file.path) {
            throw Failure(description: "chromium wrote no \(file.lastPathComponent)")
        }
        return (png, pdf)
    }

    /// Page count, page size and text of a PDF (pdfinfo and pdftotext).
    static func read(_ pdf: URL) throws -> PDF {
        let info = try run(try tool("pdfinfo"), [pdf.path])
        let field = { (name: String) in
            info.split(separator: "\n").first { $0.hasPrefix(name + ":") }
                .map { $0.dropFirst(name.count + 1).trimmingCharacters(in: .whitespaces) } ?? ""
        }
        let text = try run(try tool("pdftotext"), ["-enc", "UTF-8", pdf.path, "-"])
        return PDF(pages: Int(field("Pages")) ?? 0, pageSize: field("Page size"), text: text)
    }

    /// Counts the PNG's pixels in `colours` (`16a34a`) with the Python script beside the fixtures.
    static func pixels(_ png: URL, colours: [String]) throws -> Pixels {
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/png_colours.py")
        let output = try run(try tool("python3"), [script.path, png.path] + colours)
        return try JSONDecoder().decode(Pixels.self, from: Data(output.utf8))
    }

    /// Runs a tool to its end (at most `timeout` seconds) and returns its stdout; stderr is only
    /// shown on failure, since Chromium warns about D-Bus on every run in a container.
    @discardableResult
    static func run(_ executable: String, _ arguments: [String], timeout: TimeInterval = 120) throws -> String {
        // Files, not pipes: nothing to drain while waiting, whatever the tool prints.
        let folder = FileManager.default.temporaryDirectory
        let outPath = folder.appendingPathComponent("browser-\(UUID().uuidString).out")
        let errPath = folder.appendingPathComponent("browser-\(UUID().uuidString).err")
        FileManager.default.createFile(atPath: outPath.path, contents: nil)
        FileManager.default.createFile(atPath: errPath.path, contents: nil)
        defer {
            try? FileManager.default.removeItem(at: outPath)
            try? FileManager.default.removeItem(at: errPath)
        }
        let process = Process()
        // coreutils' timeout ends a browser that hangs, and whatever it started.
        process.executableURL = URL(fileURLWithPath: try tool("timeout"))
        process.arguments = ["--kill-after=5", "\(Int(timeout))", executable] + arguments
        process.standardOutput = try FileHandle(forWritingTo: outPath)
        process.standardError = try FileHandle(forWritingTo: errPath)
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        let stdout = try Data(contentsOf: outPath)
        let errors = try Data(contentsOf: errPath)
        guard process.terminationStatus == 0 else {
            throw Failure(description: "\(URL(fileURLWithPath: executable).lastPathComponent) \(arguments.joined(separator: " ")) "
                              + "exited \(process.terminationStatus): \(String(decoding: errors.suffix(2000), as: UTF8.self))")
        }
        return String(decoding: stdout, as: UTF8.self)
    }
}
