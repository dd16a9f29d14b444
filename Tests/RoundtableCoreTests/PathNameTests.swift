import Foundation
import Testing
@testable import RoundtableCore

@Suite("Path arithmetic on typed paths never traps and never touches the disk")
struct PathNameTests {
    @Test(arguments: [
        ("x", ".", "x"), (".", ".", "."), ("d/", ".", "d"), ("a/b", "a", "b"), ("/x", "/", "x"), ("/", "/", "/"),
        ("a/b/", "a", "b"), ("a//b", "a", "b"), ("//x", "/", "x"), ("", ".", ""), ("./x.xml", ".", "x.xml"),
        ("../a/.b", "../a", ".b"),
    ])
    func foldersAndNames(path: String, folder: String, name: String) {
        #expect(PathName.folder(of: path) == folder)
        #expect(PathName.lastComponent(of: path) == name)
    }

    @Test func extensions() {
        #expect(PathName.pathExtension(of: "a/panel.SSS") == "SSS")
        #expect(PathName.pathExtension(of: ".profile") == "")
        #expect(PathName.pathExtension(of: "x") == "")
        #expect(PathName.pathExtension(of: "a.b/c") == "")
        #expect(PathName.deletingExtension(of: "a/panel.sss") == "a/panel")
        #expect(PathName.deletingExtension(of: "a/.x") == "a/.x")
        #expect(PathName.deletingExtension(of: "x") == "x")
    }

    @Test func joiningAndFolders() {
        #expect(PathName.joining("d/", "x") == "d/x")
        #expect(PathName.joining("d", "x") == "d/x")
        #expect(PathName.joining(".", "x") == "./x")
        #expect(PathName.joining("", "x") == "x")
        for folder in [".", "..", "d/", "a/.", "a/.."] { #expect(PathName.namesFolder(folder), "\(folder)") }
        for file in ["x", "a/b", ".x", "..x"] { #expect(!PathName.namesFolder(file), "\(file)") }
    }

    @Test func systemErrorsInPlainWords() {
        #expect(SystemError.inputError("in.qdpx", EACCES) == RoundtableError(.inputMissing, "in.qdpx: cannot read the file: permission denied"))
        #expect(SystemError.inputError("in.qdpx", EACCES).exitCode == 66)
        #expect(SystemError.describe(ENOENT) == "no such file or directory")
        #expect(SystemError.describe(EIO).first?.isLowercase == true)
    }
}
