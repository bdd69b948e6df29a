import Foundation
import TestSupport

/// Runs the built `kiji` executable, as a user would.
struct KijiProcess {
    struct Result {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    /// The `kiji` binary next to the test bundle in the build folder.
    static let executable: URL = {
        let testBinary = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        var folder = testBinary.deletingLastPathComponent()
        // XCTest bundles on some platforms nest the binary deeper.
        while folder.path != "/" {
            let candidate = folder.appendingPathComponent("kiji")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        fatalError("kiji executable not found near \(testBinary.path); run 'swift build' first")
    }()

    static let repository = repositoryRoot

    /// Runs kiji (or `program`, for example `script` wrapping kiji in a terminal).
    static func run(_ arguments: [String], environment: [String: String] = [:], in directory: String? = nil,
                    program: URL? = nil) throws -> Result {
        try launch(program ?? executable, arguments, environment: environment, in: directory)
    }

    /// Starts kiji in `directory` without waiting, its standard streams on
    /// /dev/null: for tests that run several at once (a shell's `&` and
    /// `wait` can hang under the test runner's signal settings).
    static func start(_ arguments: [String], in directory: String) throws -> Process {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// Runs a /bin/sh script with `$KIJI` naming the binary: for tests that
    /// close or redirect standard streams.
    static func shell(_ script: String, environment: [String: String] = [:], in directory: String? = nil) throws -> Result {
        var environment = environment
        environment["KIJI"] = executable.path
        return try launch(URL(fileURLWithPath: "/bin/sh"), ["-c", script], environment: environment, in: directory)
    }

    private static func launch(_ program: URL, _ arguments: [String], environment: [String: String], in directory: String?) throws -> Result {
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "KIJI_PLUGIN_PATH")
        for (key, value) in environment { env[key] = value }
        let result = try runChildProcess(program, arguments, environment: env, in: directory)
        return Result(status: result.status, stdout: result.stdout, stderr: result.stderr)
    }
}
