import Foundation

/// Standard output, or a file replaced atomically (a temporary file in the
/// same folder, then a rename), so a failed run never leaves a partial file.
struct OutputDestination {
    let path: String?

    func write(_ text: String) throws {
        guard let path else {
            FileHandle.standardOutput.write(Data(text.utf8))
            return
        }
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw KijiFailure.usage("cannot write '\(path)': \(error.localizedDescription)")
        }
    }
}
