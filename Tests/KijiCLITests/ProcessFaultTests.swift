import Foundation
import Testing
import TestSupport

/// Full disks, closed streams, signals and concurrent writers: kiji reports
/// each one and never leaves a partial or mismatched file.
@Suite struct ProcessFaultTests {
    @Test func aFullStandardOutputIsAnError() throws {
        let result = try KijiProcess.shell(#""$KIJI" run mentions-by-month > /dev/full"#)
        #expect(result.status == 1)
        #expect(result.stderr == "kiji: cannot write the output to standard output: No space left on device\n")
    }

    @Test func aClosedStandardOutputIsAnError() throws {
        let result = try KijiProcess.shell(#""$KIJI" run mentions-by-month >&-"#)
        #expect(result.status == 1)
        #expect(result.stderr == "kiji: cannot write the output: standard output is closed (use -o FILE)\n")
    }

    @Test func aBrokenPipeWithSIGPIPEIgnoredIsAnError() throws {
        // The reader exits at once; kiji's writes then fail with EPIPE.
        let result = try KijiProcess.shell(#"trap '' PIPE; "$KIJI" run documents 2>"$ERR" | true; cat "$ERR""#,
                                           environment: ["ERR": try temporaryFolder() + "/err"])
        #expect(result.stdout.contains("kiji: cannot write the output to standard output: the reader closed the pipe")
                || result.stdout.hasPrefix("kiji: documents: 41 documents"), "\(result.stdout)")
        #expect(!result.stdout.contains("Fatal error"))
    }

    @Test func aClosedStandardErrorNeverEndsUpInTheOutputFile() throws {
        let folder = try temporaryFolder()
        let result = try KijiProcess.shell(#""$KIJI" run mentions-by-month -o "$OUT" 2>&-; echo "status $?""#,
                                           environment: ["OUT": "\(folder)/out.csv"])
        #expect(result.stdout == "status 0\n")
        let expected = try KijiProcess.run(["run", "mentions-by-month"]).stdout
        #expect(try String(contentsOfFile: "\(folder)/out.csv", encoding: .utf8) == expected)
    }

    @Test func devicesAreNeverReplaced() throws {
        let result = try KijiProcess.run(["run", "mentions-by-month", "-o", "/dev/null"])
        #expect(result.status == 2)
        #expect(result.stderr == "kiji: cannot write '/dev/null': it is not a regular file (a device, pipe or socket); "
                + "give a file path, or leave out -o to write to standard output\n")
        var info = stat()
        #expect(stat("/dev/null", &info) == 0 && (info.st_mode & S_IFMT) == S_IFCHR)
    }

    @Test func symbolicLinksAreFollowed() throws {
        let folder = try temporaryFolder()
        try write("old\n", to: "\(folder)/target.csv")
        try FileManager.default.createSymbolicLink(atPath: "\(folder)/link.csv", withDestinationPath: "\(folder)/target.csv")
        let result = try KijiProcess.run(["run", "documents", "-o", "\(folder)/link.csv"])
        #expect(result.status == 0)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: "\(folder)/link.csv") == "\(folder)/target.csv")
        #expect(try String(contentsOfFile: "\(folder)/target.csv", encoding: .utf8).hasPrefix("id,source,date"))
        // The manifest goes beside the name given, where `kiji rerun` looks for it.
        #expect(FileManager.default.fileExists(atPath: "\(folder)/link.csv.manifest.json"))
    }

    /// Starts kiji without waiting for it; output is discarded.
    func start(_ arguments: [String], environment: [String: String] = [:]) throws -> Process {
        let process = Process()
        process.executableURL = KijiProcess.executable
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        return process
    }

    @Test(arguments: [SIGINT, SIGTERM, SIGHUP])
    func anInterruptedWriteLeavesNoTemporaryFile(signal: Int32) throws {
        let folder = try temporaryFolder()
        let process = try start(["run", "documents", "-o", "\(folder)/out.csv"], environment: ["KIJI_TEST_PAUSE_BEFORE_RENAME": "5"])
        // Wait until the temporary files exist, then interrupt.
        var waited = 0.0
        while try FileManager.default.contentsOfDirectory(atPath: folder).count < 2 && waited < 20 {
            Thread.sleep(forTimeInterval: 0.05)
            waited += 0.05
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).allSatisfy { $0.contains(".kiji-") })
        kill(process.processIdentifier, signal)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)
        #expect(process.terminationStatus == signal)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == [])
    }

    @Test func concurrentRunsLeaveAMatchingManifest() throws {
        let folder = try temporaryFolder()
        for _ in 1...4 {
            let runs = try [["--param", "terms=中国"], ["--param", "terms=台湾,尖閣"]].map {
                try start(["run", "mentions-by-month", "-o", "\(folder)/out.csv"] + $0)
            }
            for run in runs { run.waitUntilExit() }
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == ["out.csv", "out.csv.manifest.json"])
        let manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: "\(folder)/out.csv.manifest.json")))
        let recorded = ((manifest as? [String: Any])?["output"] as? [String: Any])?["sha256"] as? String
        let hash = try KijiProcess.shell(#"sha256sum "$DIR/out.csv" | cut -d' ' -f1"#, environment: ["DIR": folder]).stdout
        #expect(recorded.map { $0 + "\n" } == hash)
    }
}
