import LuaBridge

/// Named files a `run` plugin asks kiji to write next to its table
/// (`kiji.output_file(name, text)`), such as dfm's Matrix Market export.
/// Plugins never touch the file system: kiji keeps the texts and the command
/// line decides where they go (`kiji run --output-dir DIR`).
public final class OutputFiles {
    /// The files of the last run, in the order the plugin gave them.
    public private(set) var files: [(name: String, text: String)] = []
    /// True only while a `run` function runs.
    var accepting = false

    static let maximumCount = 64

    func reset() { files = [] }

    /// Whether `name` is a plain file name: a letter or digit first, then
    /// letters, digits, '.', '_' or '-' (no folders, nothing hidden).
    static func isValidName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, name.utf8.count <= 128 else { return false }
        func plain(_ s: Unicode.Scalar) -> Bool { s.isASCII && (s.properties.isAlphabetic || ("0"..."9").contains(s)) }
        return plain(first) && name.unicodeScalars.allSatisfy { plain($0) || $0 == "." || $0 == "_" || $0 == "-" }
    }

    /// Registers `kiji.output_file`.
    func register(in state: LuaState) -> HostFunctionID {
        state.register(function: "output_file") { [unowned self] call in
            let name = try call.string(1)
            let text = try call.string(2)
            guard accepting else {
                throw LuaRuntimeError("kiji.output_file: only a plugin's run function can write files")
            }
            guard Self.isValidName(name) else {
                throw call.argumentError(1, "'\(name)' is not a plain file name (letters, digits, '.', '_', '-'; no folders)")
            }
            guard !files.contains(where: { $0.name == name }) else {
                throw call.argumentError(1, "the file '\(name)' was already written in this run")
            }
            guard files.count < Self.maximumCount else {
                throw LuaRuntimeError("kiji.output_file: a plugin may write at most \(Self.maximumCount) files")
            }
            files.append((name, text))
            return 0
        }
    }
}
