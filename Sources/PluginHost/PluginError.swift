import LuaBridge

/// A plugin failed: it could not be loaded, its table breaks the plugin
/// contract, or it raised an error while running.
public struct PluginError: Error, CustomStringConvertible, Sendable {
    /// The plugin's name (or file name when the name is unknown).
    public let plugin: String
    /// What went wrong, starting with `file:line:` when Lua named a place.
    public let message: String
    /// Lua's stack traceback, or "".
    public let traceback: String
    /// The document being processed, when there was one.
    public let documentID: String?
    /// `file:line` of the error, when known.
    public let location: String?

    public init(plugin: String, message: String, traceback: String = "", documentID: String? = nil, location: String? = nil) {
        self.plugin = plugin
        self.message = message
        self.traceback = traceback
        self.documentID = documentID
        self.location = location
    }

    init(plugin: String, scriptError: LuaScriptError, documentID: String? = nil) {
        let location = scriptError.chunk.flatMap { chunk in scriptError.line.map { "\(chunk):\($0)" } }
        self.init(plugin: plugin, message: scriptError.message, traceback: scriptError.traceback,
                  documentID: documentID, location: location)
    }

    public var description: String {
        var text = "plugin '\(plugin)' failed: \(message)"
        if let documentID { text += "\n  while processing document '\(documentID)'" }
        if !traceback.isEmpty {
            text += "\n" + traceback.split(separator: "\n").map { "  " + $0 }.joined(separator: "\n")
        }
        return text
    }
}

/// A problem with how the user called a plugin (unknown plugin, bad
/// parameter): a usage error, exit code 2.
public struct PluginUsageError: Error, CustomStringConvertible, Sendable {
    public let description: String
    public init(_ description: String) { self.description = description }
}
