import Foundation

/// What a finished child process printed, and how it ended.
public struct ChildProcessResult: Sendable {
    public let status: Int32
    public let stdout: String
    public let stderr: String
}

/// Runs `program` to the end with no standard input. Output goes to files,
/// not pipes: a child that fills a pipe nobody reads would block.
/// - Parameter environment: the child's whole environment.
public func runChildProcess(_ program: URL, _ arguments: [String], environment: [String: String],
                            in directory: String? = nil) throws -> ChildProcessResult {
    let process = Process()
    process.executableURL = program
    process.arguments = arguments
    process.environment = environment
    if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let outURL = URL(fileURLWithPath: folder + "/stdout"), errURL = URL(fileURLWithPath: folder + "/stderr")
    FileManager.default.createFile(atPath: outURL.path, contents: nil)
    FileManager.default.createFile(atPath: errURL.path, contents: nil)
    let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)
    process.standardOutput = out
    process.standardError = err
    process.standardInput = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    try out.close()
    try err.close()
    return ChildProcessResult(status: process.terminationStatus,
                              stdout: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
                              stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
}
