import Foundation
import RoundtableCore
import ZIPFoundation

/// Writes a REFI-QDA project (`.qdpx`): a zip holding `project.qde` and one `sources/<GUID>.txt`
/// per text source (UTF-8 without BOM), to a file that appears only once complete.
public enum REFIProjectWriter {
    /// The REFI-QDA project namespace.
    public static let namespace = "urn:QDA-XML:project:1.0"

    /// Writes `project` to `destination`; `origin` names the writing program, `created` dates the project.
    public static func write(_ project: REFIProject, to destination: String, origin: String, created: Date) throws {
        let folder = URL(fileURLWithPath: NSTemporaryDirectory())
            .appendingPathComponent("roundtable-refi-\(getpid())-\(UUID().uuidString)")
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
        } catch {
            throw RoundtableError(.cannotCreateOutput, "cannot create a temporary folder: \(error.localizedDescription)")
        }
        defer { try? FileManager.default.removeItem(at: folder) }
        let projectFile = folder.appendingPathComponent("project.qde")
        let xml = try XMLStreamWriter(file: OutputFile(destination: projectFile.path))
        try REFIProjectXML.write(project, to: xml, origin: origin, created: created)
        try xml.finish()

        // The zip is built in the private folder (ZIPFoundation seeks back into it) and then copied
        // into the output, so a device, a FIFO or standard output can take a project too.
        let zip = folder.appendingPathComponent("project.qdpx")
        do {
            let archive = try Archive(url: zip, accessMode: .create)
            try archive.addEntry(with: "project.qde", fileURL: projectFile, compressionMethod: .deflate)
            for source in project.sources {
                let data = Data(source.text.utf8)
                try archive.addEntry(with: "sources/\(source.guid).txt", type: .file, uncompressedSize: Int64(data.count),
                                     modificationDate: created, compressionMethod: .deflate) { position, size in
                    data.subdata(in: Int(position)..<Int(position) + size)
                }
            }
        } catch let error as RoundtableError {
            throw error
        } catch {
            throw RoundtableError(.cannotCreateOutput, "cannot write \(destination): the archive could not be built in the temporary folder")
        }
        // The archive is closed once it goes out of scope above; only then is it copied out.
        let output = try OutputFile(destination: destination)
        try output.write(contentsOf: zip.path)
        try output.commit()
    }
}
