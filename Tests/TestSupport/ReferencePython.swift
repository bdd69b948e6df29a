import Foundation

/// Errors from running the reference Python.
public struct ReferencePythonError: Error, CustomStringConvertible {
    public let description: String
}

/// The Python interpreter of the test virtual environment (`.build-py/venv`,
/// made by `scripts/ensure-python-deps`), which has NumPy, SciPy,
/// scikit-learn and networkx for reference computations.
public let referencePythonPath = repositoryRoot.appendingPathComponent(".build-py/venv/bin/python").path

/// Runs `script` with the reference Python and returns its standard output.
/// Throws, naming the fix, when the environment is missing or the script fails.
public func runReferencePython(_ script: String, arguments: [String] = []) throws -> String {
    guard FileManager.default.isExecutableFile(atPath: referencePythonPath) else {
        throw ReferencePythonError(description: "\(referencePythonPath) is missing; run scripts/ensure-python-deps (make test does)")
    }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: referencePythonPath)
    process.arguments = ["-c", script] + arguments
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let outPath = folder + "/stdout", errPath = folder + "/stderr"
    FileManager.default.createFile(atPath: outPath, contents: nil)
    FileManager.default.createFile(atPath: errPath, contents: nil)
    let out = try FileHandle(forWritingTo: URL(fileURLWithPath: outPath))
    let err = try FileHandle(forWritingTo: URL(fileURLWithPath: errPath))
    process.standardOutput = out
    process.standardError = err
    process.standardInput = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    try out.close()
    try err.close()
    let stdout = String(decoding: try Data(contentsOf: URL(fileURLWithPath: outPath)), as: UTF8.self)
    guard process.terminationStatus == 0 else {
        let stderr = String(decoding: try Data(contentsOf: URL(fileURLWithPath: errPath)), as: UTF8.self)
        throw ReferencePythonError(description: "reference Python failed (\(process.terminationStatus)): \(stderr)")
    }
    return stdout
}
