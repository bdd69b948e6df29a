/// An error raised by Lua code: a load (syntax) error or a runtime error,
/// with the location Lua reported and the traceback from the message handler.
public struct LuaScriptError: Error, CustomStringConvertible, Sendable {
    /// The first line of the message, including any `chunk:line:` prefix.
    public let message: String
    /// The full text Lua produced, usually the message plus `stack traceback:`.
    public let fullText: String
    /// The chunk (file) Lua named in the message, when it named one.
    public let chunk: String?
    /// The line in `chunk`, when Lua named one.
    public let line: Int?

    public init(fullText: String) {
        self.fullText = fullText
        let first = fullText.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? fullText
        self.message = first
        (self.chunk, self.line) = LuaScriptError.location(in: first)
    }

    /// The message without the leading `chunk:line: ` prefix.
    public var reason: String {
        guard let chunk, let line else { return message }
        let prefix = "\(chunk):\(line): "
        return message.hasPrefix(prefix) ? String(message.dropFirst(prefix.count)) : message
    }

    /// The traceback lines after the message, or "" when there are none.
    public var traceback: String {
        let marker = "stack traceback:"
        var index = fullText.startIndex
        while index < fullText.endIndex {
            if fullText[index...].hasPrefix(marker) { return String(fullText[index...]) }
            index = fullText.index(after: index)
        }
        return ""
    }

    public var description: String { fullText }

    static func location(in line: String) -> (String?, Int?) {
        // Lua formats positions as "chunkname:currentline: message".
        var search = line[...]
        while let colon = search.firstIndex(of: ":") {
            let afterColon = line.index(after: colon)
            let digits = line[afterColon...].prefix(while: { $0.isASCII && $0.isNumber })
            if !digits.isEmpty, line[digits.endIndex...].hasPrefix(": ") || digits.endIndex == line.endIndex {
                return (String(line[..<colon]), Int(digits))
            }
            search = line[afterColon...]
        }
        return (nil, nil)
    }
}

/// Thrown by host functions for bad arguments; becomes a Lua error such as
/// `bad argument #1 to 'count' (string expected, got nil)`.
public struct LuaArgumentError: Error, CustomStringConvertible, Sendable {
    public let description: String
    public init(_ description: String) { self.description = description }
}

/// Thrown by host functions for any other failure; the text becomes the Lua
/// error message.
public struct LuaRuntimeError: Error, CustomStringConvertible, Sendable {
    public let description: String
    public init(_ description: String) { self.description = description }
}

/// The bridge itself failed (state allocation, a bad registry reference).
public struct LuaBridgeError: Error, CustomStringConvertible, Sendable {
    public let description: String
    public init(_ description: String) { self.description = description }
}
