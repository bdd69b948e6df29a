import Foundation

/// Finds plugins: folders given with `--plugins`, then `KIJI_PLUGIN_PATH`
/// (colon-separated), then the bundled `plugins/` folder.
public struct PluginLocator: Sendable {
    /// Search folders in priority order.
    public let directories: [String]

    /// - Parameter includeBundled: also search the bundled plugins/ folder.
    public init(extraDirectories: [String], environment: [String: String] = ProcessInfo.processInfo.environment,
                includeBundled: Bool = true) {
        var directories = extraDirectories
        if let path = environment["KIJI_PLUGIN_PATH"] {
            directories += path.split(separator: ":").map(String.init).filter { !$0.isEmpty }
        }
        if includeBundled, let bundled = BundledResources.directory(named: "plugins") { directories.append(bundled) }
        var seen: Set<String> = []
        self.directories = directories.filter { seen.insert($0).inserted }
    }

    /// A plugin file for a bundled name (`mentions-by-month`) or a path
    /// (anything ending in `.lua` or containing `/`).
    public func resolve(_ nameOrPath: String) throws -> String {
        if nameOrPath.hasSuffix(".lua") || nameOrPath.contains("/") {
            guard FileManager.default.fileExists(atPath: nameOrPath) else {
                throw PluginUsageError("plugin file '\(nameOrPath)' does not exist")
            }
            return nameOrPath
        }
        for directory in directories {
            let candidate = "\(directory)/\(nameOrPath).lua"
            if FileManager.default.fileExists(atPath: candidate) { return candidate }
        }
        let searched = directories.isEmpty ? "no plugin folders found" : "looked in \(directories.joined(separator: ", "))"
        throw PluginUsageError("no plugin named '\(nameOrPath)' (\(searched)); run 'kiji list' to see the plugins")
    }

    /// Plugin files directly inside the search folders, by name; a name in
    /// an earlier folder hides the same name later. Test files
    /// (`*_test.lua`) are not plugins.
    public func availablePlugins() -> [(name: String, path: String)] {
        var found: [String: String] = [:]
        for directory in directories.reversed() {
            guard let entries = try? FileManager.default.contentsOfDirectory(atPath: directory) else { continue }
            for entry in entries where entry.hasSuffix(".lua") && !entry.hasSuffix("_test.lua") && !entry.hasPrefix(".") {
                found[String(entry.dropLast(4))] = "\(directory)/\(entry)"
            }
        }
        return found.keys.sorted().map { ($0, found[$0]!) }
    }
}

/// Locates folders shipped with kiji (`plugins`, `seeds`) for both a
/// repository build and an installed binary.
public enum BundledResources {
    /// Checked in order: `<bin>/../share/kiji/<name>` (installed), the
    /// repository holding the running binary (`.build/…/kiji`), and the
    /// repository this library was compiled from.
    public static func directory(named name: String) -> String? {
        var candidates: [URL] = []
        let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        let binDirectory = executable.deletingLastPathComponent()
        candidates.append(binDirectory.deletingLastPathComponent().appendingPathComponent("share/kiji/\(name)"))
        var ancestor = binDirectory
        while ancestor.path != "/" {
            if FileManager.default.fileExists(atPath: ancestor.appendingPathComponent("Package.swift").path) {
                candidates.append(ancestor.appendingPathComponent(name))
                break
            }
            ancestor = ancestor.deletingLastPathComponent()
        }
        let sourceRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        candidates.append(sourceRoot.appendingPathComponent(name))
        var isDirectory: ObjCBool = false
        return candidates.first { FileManager.default.fileExists(atPath: $0.path, isDirectory: &isDirectory) && isDirectory.boolValue }?.path
    }
}
