import ArgumentParser
import Foundation
import Mustache
import RoundtableCore
import RoundtableXML

/// Renders report view models with the Mustache layouts in templates/reports/ (read at run time, so
/// a team can restyle them without rebuilding) and writes the one self-contained HTML file.
enum HTMLReport {
    /// Every `*.mustache` file of templates/reports/, registered under its name without the
    /// extension (`session.html`, `chart`), so layouts can include each other as partials.
    static func library() throws -> MustacheLibrary {
        let folder = try TemplateFolder.locate("reports")
        var library = MustacheLibrary()
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".mustache") }.sorted()
        for name in names {
            let path = folder.appendingPathComponent(name).path
            let text = String(decoding: try InputFile.contents(of: path, maxSize: 1 << 20), as: UTF8.self)
            do {
                try library.register(text, named: String(name.dropLast(".mustache".count)))
            } catch let error as MustacheTemplate.ParserError {
                throw RoundtableError(.invalidData, "\(path):\(error.context.lineNumber):\(error.context.columnNumber): "
                                          + "cannot read the template: \(Self.describe(error.error))")
            }
        }
        return library
    }

    /// The parser's complaint in words a template author reads.
    private static func describe(_ error: any Error) -> String {
        switch error as? MustacheTemplate.Error {
        case .sectionCloseNameIncorrect: "a section closes with another name than it opened with"
        case .unfinishedName: "a tag is not closed with }}"
        case .expectedSectionEnd: "a section is never closed"
        default: "\(error)"
        }
    }

    /// `model` through the layout `template` (such as `session.html`).
    static func render(_ model: Any, template: String) throws -> String {
        guard let html = try library().render(model, withTemplate: template) else {
            throw RoundtableError(.inputMissing, "cannot find templates/reports/\(template).mustache")
        }
        return html
    }

    /// Writes `html` to `-o` or `exports/report-<kind>-<key>-<date>.html` and says where.
    static func write(_ html: String, kind: String, key: String, to destination: OutputFileOptions, now: Date) throws {
        let path = try destination.path(stem: "report-\(kind)-\(key)", extension: "html", now: now)
        try OutputFile.write(Data(html.utf8), to: path)
        destination.report("wrote the \(kind) report of \(key) to \(OutputFileOptions.name(path))")
    }
}

/// How `report session|concept|panel` are written.
enum ReportDocumentFormat: String, ExpressibleByArgument, CaseIterable {
    case table
    case json
    case html
}

/// `--format table|json|html` and, for HTML, `-o FILE`.
struct ReportDocumentOptions: ParsableArguments {
    @Option(help: "Output format: table, json, or html (one self-contained file with charts, written to -o or ./exports/).")
    var format: ReportDocumentFormat = .table
    @OptionGroup var destination: OutputFileOptions

    func validate() throws {
        if destination.output != nil, format != .html { throw ValidationError("-o is for --format html") }
    }
}
