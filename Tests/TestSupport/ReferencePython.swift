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
    let result = try runChildProcess(URL(fileURLWithPath: referencePythonPath), ["-c", script] + arguments,
                                     environment: ProcessInfo.processInfo.environment)
    guard result.status == 0 else {
        throw ReferencePythonError(description: "reference Python failed (\(result.status)): \(result.stderr)")
    }
    return result.stdout
}
