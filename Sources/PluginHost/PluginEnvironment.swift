import Foundation
import Morphology
import LuaBridge
import ProcessSupport

/// One Lua state prepared for plugins: the sandbox, the `kiji` library,
/// document types, a `require` confined to the plugin folders, and a
/// `print` that writes to stderr (stdout carries the CSV).
final class PluginEnvironment {
    let state: LuaState
    /// Folders `require` searches, in order (`<dir>/lib/<name>.lua`, then `<dir>/<name>.lua`).
    let moduleDirectories: [String]
    let terms = TermCache()
    private var modules: [String: LuaReference] = [:]
    private var modulesLoading: Set<String> = []

    let morphology: MorphologyService

    let limits: ResourceLimits
    /// The data files `kiji.dictionary` may read.
    let dataFiles: DataFileAccess

    /// Files written with `kiji.output_file` during a run.
    let outputFiles = OutputFiles()

    /// Where `print` writes.
    let printSink: PrintSink

    init(moduleDirectories: [String], mecabDictionary: String? = nil, limits: ResourceLimits = .default,
         printSink: PrintSink = PrintSink(mode: .standardError), tokenCache: TokenCache? = nil) throws {
        self.printSink = printSink
        self.state = try LuaState(memoryLimit: limits.memoryBytes)
        self.limits = limits
        self.moduleDirectories = moduleDirectories
        self.morphology = MorphologyService(dictionaryOverride: mecabDictionary, tokenCache: tokenCache)
        self.dataFiles = DataFileAccess(pluginDirectories: moduleDirectories)
        try DocumentBinding.define(in: state, terms: terms, morphology: morphology)
        try DictionaryBinding.define(in: state, morphology: morphology)
        try TextBinding.defineMatcher(in: state)
        try OutputHandle.define(in: state)
        try installRequire()
        try installPrint()
        let dictionary = DictionaryBinding.register(in: state, access: dataFiles) { [unowned self] path in
            if !self.filesRead.contains(path) { self.filesRead.append(path) }
        }
        try KijiLibrary.install(in: state, morphology: morphology, extraFunctions: ["load_data": registerLoadData(), "dictionary": dictionary,
                                                                                       "output_file": outputFiles.register(in: state)])
    }

    /// A malformed data file met while running: thrown as a usage error
    /// (exit 2, naming file:line) instead of the plugin failure it surfaced as.
    func inputError(instead error: LuaScriptError, plugin: String) -> Error {
        guard let inputError = dataFiles.inputError else { return PluginError(plugin: plugin, scriptError: error) }
        dataFiles.inputError = nil
        return PluginUsageError(inputError.description)
    }

    /// Runs `body` under the time limit; the limit is lifted afterwards, and
    /// Lua's "not enough memory" gets a hint about --max-memory.
    func limited<T>(_ body: () throws -> T) throws -> T {
        state.setTimeLimit(seconds: limits.seconds, deadline: limits.deadline)
        defer { state.setTimeLimit(seconds: nil) }
        do {
            return try body()
        } catch let error as LuaScriptError where error.message.hasSuffix("not enough memory") {
            throw LuaScriptError(fullText: error.message + " (the Lua state reached its limit of \(limits.memoryBytes >> 20) MB; raise it with --max-memory)\n" + error.traceback)
        }
    }

    /// Runs a plugin file and checks the table it returns.
    func loadPlugin(at path: String) throws -> PluginSpec {
        let fallbackName = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        let table: LuaTable
        do {
            let chunk = try state.load(try self.readSource(path), chunkName: Self.chunkName(for: path))
            defer { chunk.release() }
            let result = try limited { try state.call(chunk, results: 1)[0] }
            guard let returned = result.table else {
                throw PluginError(plugin: fallbackName, message: "\(path): the plugin must return a table, not \(result.typeName)", location: path)
            }
            table = returned
        } catch let error as LuaScriptError {
            throw PluginError(plugin: fallbackName, scriptError: error)
        }
        return try PluginSpec(table: table, path: path, fallbackName: fallbackName)
    }

    /// "@path" for error messages, relative to the working folder when the
    /// file is inside it: Lua keeps only the last 59 characters of a name.
    static func chunkName(for path: String) -> String {
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        let folder = FileManager.default.currentDirectoryPath + "/"
        return "@" + (absolute.hasPrefix(folder) ? String(absolute.dropFirst(folder.count)) : absolute)
    }

    /// Every file a run read as code or data (plugin, modules, data files),
    /// in the order first read: what a run manifest records.
    private(set) var filesRead: [String] = []

    /// Adds files another worker read, keeping the order of first reading.
    func noteFilesRead(_ paths: [String]) {
        for path in paths where !filesRead.contains(path) { filesRead.append(path) }
    }

    func readSource(_ path: String) throws -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw PluginUsageError("cannot read plugin file '\(path)'")
        }
        if !filesRead.contains(path) { filesRead.append(path) }
        return [UInt8](data)
    }

    private func installRequire() throws {
        let require = state.register(function: "require") { [unowned self] call in
            let name = try call.string(1)
            let module = try self.module(named: name, call: call)
            try call.stack.push(module)
            return 1
        }
        try state.setGlobal("require") { $0.push(function: require) }
    }

    private func module(named name: String, call: LuaCall) throws -> LuaReference {
        if let loaded = modules[name] { return loaded }
        let valid = !name.isEmpty && name.unicodeScalars.allSatisfy {
            ($0.properties.isAlphabetic && $0.isASCII) || ("0"..."9").contains($0) || "_-.".unicodeScalars.contains($0)
        } && !name.hasPrefix(".") && !name.contains("..")
        guard valid else { throw call.argumentError(1, "module names use letters, digits, '_', '-' and '.'") }
        guard !modulesLoading.contains(name) else { throw LuaRuntimeError("module '\(name)' requires itself (a require cycle)") }
        let relative = name.replacingOccurrences(of: ".", with: "/") + ".lua"
        let candidates = moduleDirectories.flatMap { ["\($0)/lib/\(relative)", "\($0)/\(relative)"] }
        guard let path = candidates.first(where: { FileManager.default.fileExists(atPath: $0) }) else {
            throw LuaRuntimeError("module '\(name)' not found; looked in:\n\t" + candidates.joined(separator: "\n\t"))
        }
        modulesLoading.insert(name)
        defer { modulesLoading.remove(name) }
        let chunk = try state.load(try self.readSource(path), chunkName: Self.chunkName(for: path))
        defer { chunk.release() }
        let module = try state.callKeepingResult(chunk) { stack in
            stack.push(name)
            stack.push(path)
            return 2
        }
        modules[name] = module
        return module
    }

    /// `kiji.load_data(path)`: runs a Lua data file (a dictionary, a
    /// scheme) with no globals at all and returns its value.
    private func registerLoadData() -> HostFunctionID {
        let loadData = state.register(function: "load_data") { [unowned self] call in
            let path = try call.string(1)
            guard path.hasSuffix(".lua") else { throw call.argumentError(1, "a data file must end in .lua, got '\(path)'") }
            let source: [UInt8]
            do { source = try self.readSource(path) } catch {
                let reason = FileManager.default.fileExists(atPath: path) ? "it cannot be read" : "there is no such file"
                throw LuaRuntimeError("cannot read data file '\(path)': \(reason) (relative paths start at \(FileManager.default.currentDirectoryPath))")
            }
            let chunk = try self.state.load(source, chunkName: Self.chunkName(for: path), isolated: true)
            defer { chunk.release() }
            let value = try self.state.callKeepingResult(chunk)
            defer { value.release() }
            try call.stack.push(value)
            return 1
        }
        return loadData
    }

    private func installPrint() throws {
        let sink = printSink
        let print = state.register(function: "print") { call in
            var parts: [String] = []
            for index in stride(from: Int32(1), through: call.argumentCount, by: 1) {
                parts.append(try call.stack.describe(at: index))
            }
            sink.write(parts.joined(separator: "\t") + "\n")
            return 0
        }
        try state.setGlobal("print") { $0.push(function: print) }
    }
}

/// Where a plugin's `print` goes: standard error, nowhere (a worker
/// repeating what worker 0 printed), or a buffer flushed later in order.
final class PrintSink {
    enum Mode { case standardError, discard, buffer }
    var mode: Mode
    private(set) var buffered: [String] = []

    init(mode: Mode) { self.mode = mode }

    func write(_ text: String) {
        switch mode {
        case .standardError: StandardStreams.writeError(text)
        case .discard: break
        case .buffer: buffered.append(text)
        }
    }

    /// Writes what another worker buffered, as this sink would have.
    func flush(_ texts: [String]) {
        for text in texts { write(text) }
    }
}
