import Corpus
import Foundation
import Lexicon
import LuaBridge

/// A loaded dictionary as Lua sees it (`kiji.Dictionary`).
final class DictionaryHandle {
    let dictionary: WordDictionary
    init(_ dictionary: WordDictionary) { self.dictionary = dictionary }
}

/// Which files `kiji.dictionary` may read: those the user named (as
/// parameter values) and those inside the plugin folders. The sandbox has no
/// other way to reach the file system.
final class DataFileAccess {
    private var named: Set<String> = []
    let pluginDirectories: [String]
    /// A malformed dictionary met during the run: an input error (exit 2), not a plugin bug.
    var inputError: DictionaryError?

    init(pluginDirectories: [String]) {
        self.pluginDirectories = pluginDirectories.map(Self.absolute)
    }

    /// Allows every value of `parameters`, and each comma-separated item of it.
    func allow(parameters: [String: String]) {
        named = []
        for value in parameters.values {
            for item in [value] + value.split(separator: ",").map(String.init) {
                named.insert(Self.absolute(item.trimmingCharacters(in: .whitespaces)))
            }
        }
    }

    /// The file to read for `path`, or an error saying how to allow it. A
    /// relative path that does not exist here is looked up in the plugin folders.
    func resolve(_ path: String) throws -> String {
        if !path.hasPrefix("/"), !FileManager.default.fileExists(atPath: path) {
            for directory in pluginDirectories where FileManager.default.fileExists(atPath: directory + "/" + path) {
                return directory + "/" + path
            }
        }
        let full = Self.absolute(path)
        if named.contains(full) || pluginDirectories.contains(where: { full.hasPrefix($0 + "/") }) { return path }
        throw LuaRuntimeError("kiji.dictionary: '\(path)' was not named on the command line; kiji reads only the files you name (pass it as a parameter, e.g. --param dictionary=\(path))")
    }

    static func absolute(_ path: String) -> String {
        let joined = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        return (joined as NSString).standardizingPath
    }
}

enum DictionaryBinding {
    static let dictionaryType = LuaUserdataType<DictionaryHandle>(name: "kiji.Dictionary")

    static func define(in state: LuaState, morphology: MorphologyService) throws {
        var behaviour = LuaUserdataBehaviour<DictionaryHandle>()
        behaviour.methods["count"] = { call, handle in
            let doc = try call.object(2, DocumentBinding.documentType)
            let counts = handle.dictionary.counts(in: try TextBinding.tokens(of: doc, morphology: morphology))
            try call.stack.newTable(records: counts.count)
            for (category, count) in zip(handle.dictionary.categories, counts) {
                try call.stack.setField(category.name) { call.push(count) }
            }
            return 1
        }
        behaviour.index = { call, handle in
            switch try call.string(2) {
            case "categories": try call.stack.push(handle.dictionary.categories.map(\.name))
            case "format": call.push(handle.dictionary.format)
            case "path": call.push(handle.dictionary.path)
            case let other: throw LuaRuntimeError("kiji.Dictionary has no field '\(other)' (fields: categories, format, path; method: count)")
            }
            return 1
        }
        behaviour.length = { $0.dictionary.categories.count }
        behaviour.describe = { "kiji.Dictionary(\($0.dictionary.path), \($0.dictionary.categories.count) categories)" }
        try state.define(dictionaryType, behaviour)
    }

    /// `kiji.dictionary(path)`.
    static func register(in state: LuaState, access: DataFileAccess, recordRead: @escaping (String) -> Void) -> HostFunctionID {
        state.register(function: "dictionary") { call in
            let path = try access.resolve(try call.string(1))
            do {
                let dictionary = try DictionaryLoader.load(path)
                recordRead(path)
                call.stack.push(DictionaryHandle(dictionary), as: dictionaryType)
            } catch let error as DictionaryError {
                access.inputError = error
                throw LuaRuntimeError(error.description)
            }
            return 1
        }
    }
}
