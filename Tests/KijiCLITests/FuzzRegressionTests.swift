import Foundation
import Testing
import TestSupport

/// Every stored fuzz input (seeds and past crashers in Tests/Fuzz/) runs
/// through the fuzz targets built without libFuzzer: a crasher found once
/// stays fixed. `make fuzz` explores further.
@Suite struct FuzzRegressionTests {
    @Test(arguments: ["query", "readers"])
    func storedInputsRunCleanly(target: String) throws {
        let executable = KijiProcess.executable.deletingLastPathComponent().appendingPathComponent("kiji-fuzz-\(target)")
        let inputs = KijiProcess.repository.appendingPathComponent("Tests/Fuzz/\(target)").path
        let count = try FileManager.default.contentsOfDirectory(atPath: inputs).count
        #expect(count > 0)
        let process = Process()
        process.executableURL = executable
        process.arguments = [inputs]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(text == "\(count) inputs ran\n")
    }
}
