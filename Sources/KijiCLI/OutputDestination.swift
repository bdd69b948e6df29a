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
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw KijiFailure.usage("cannot write '\(path)': it is a folder; give a file name, e.g. \(path)/out.csv")
        }
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty && !FileManager.default.fileExists(atPath: folder) {
            throw KijiFailure.usage("cannot write '\(path)': the folder '\(folder)' does not exist")
        }
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw KijiFailure.usage("cannot write '\(path)' (is the folder writable?): \(error.localizedDescription)")
        }
    }
}
