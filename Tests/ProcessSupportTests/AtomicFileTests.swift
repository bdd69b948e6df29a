import Foundation
import Testing
import TestSupport
@testable import ProcessSupport

@Suite struct AtomicFileTests {
    @Test func writesAPairAndLeavesNoTemporaryFiles() throws {
        let folder = try temporaryFolder()
        try write("old", to: "\(folder)/out.csv")
        try AtomicFile.write([("\(folder)/out.csv", Data("a,b\n".utf8)), ("\(folder)/out.csv.manifest.json", Data("{}".utf8))])
        #expect(try String(contentsOfFile: "\(folder)/out.csv", encoding: .utf8) == "a,b\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == ["out.csv", "out.csv.manifest.json"])
        // New files get the usual permissions, not mkstemp's private 0600.
        let mode = (try FileManager.default.attributesOfItem(atPath: "\(folder)/out.csv")[.posixPermissions] as? Int) ?? 0
        #expect(mode & 0o044 != 0)
    }

    @Test func refusesFoldersDevicesAndMissingFolders() throws {
        let folder = try temporaryFolder()
        #expect { try AtomicFile.write(Data(), to: folder) } throws: { error in
            (error as? AtomicFileError).map { $0.isUsageError && $0.description.contains("it is a folder") } == true
        }
        #expect { try AtomicFile.write(Data(), to: "/dev/null") } throws: { error in
            (error as? AtomicFileError).map { $0.isUsageError && $0.description.contains("not a regular file") } == true
        }
        #expect { try AtomicFile.write(Data(), to: "\(folder)/missing/out.csv") } throws: { error in
            (error as? AtomicFileError)?.description == "cannot write '\(folder)/missing/out.csv': the folder '\(folder)/missing' does not exist"
        }
    }

    @Test func aFailedPairKeepsTheOldFile() throws {
        let folder = try temporaryFolder()
        try write("old", to: "\(folder)/out.csv")
        // The second file's folder is missing: nothing may be replaced.
        #expect(throws: AtomicFileError.self) {
            try AtomicFile.write([("\(folder)/out.csv", Data("new".utf8)), ("\(folder)/none/m.json", Data())])
        }
        #expect(try String(contentsOfFile: "\(folder)/out.csv", encoding: .utf8) == "old")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["out.csv"])
    }
}
