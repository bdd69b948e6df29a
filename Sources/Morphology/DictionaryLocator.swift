import Foundation

/// Finds the MeCab dictionary: `--mecab-dict DIR`, then `KIJI_MECAB_DICT`,
/// then IPADIC wherever it is installed, and only then the system default
/// (`mecab-config --dicdir`, `/etc/mecabrc`, Debian's `debian` alternative).
/// IPADIC comes first because installing UniDic makes it Debian's default,
/// and a run must not change meaning because a package was installed.
public enum DictionaryLocator {
    public static let installHint = "install it with 'sudo apt-get install mecab-ipadic-utf8', or pass --mecab-dict DIR or set KIJI_MECAB_DICT"

    public static func locate(explicit: String?, environment: [String: String] = ProcessInfo.processInfo.environment) throws -> String {
        if let explicit {
            guard hasDictionary(explicit) else { throw MeCabError("--mecab-dict \(explicit) is not a MeCab dictionary folder (no sys.dic)") }
            return explicit
        }
        if let fromEnvironment = environment["KIJI_MECAB_DICT"], !fromEnvironment.isEmpty {
            guard hasDictionary(fromEnvironment) else {
                throw MeCabError("KIJI_MECAB_DICT=\(fromEnvironment) is not a MeCab dictionary folder (no sys.dic)")
            }
            return fromEnvironment
        }
        var candidates: [String] = []
        let dicdir = mecabConfigDicdir()
        if let dicdir { candidates += ["\(dicdir)/ipadic-utf8", "\(dicdir)/ipadic"] }
        candidates += ["/var/lib/mecab/dic/ipadic-utf8", "/usr/share/mecab/dic/ipadic", "/usr/local/lib/mecab/dic/ipadic"]
        if let dicdir { candidates.append(dicdir) }
        if let rc = mecabrcDicdir() { candidates.append(rc) }
        candidates += ["/var/lib/mecab/dic/debian"]
        guard let found = candidates.first(where: hasDictionary) else {
            throw MeCabError("no MeCab dictionary found (looked in \(candidates.joined(separator: ", "))); \(installHint)")
        }
        return found
    }

    static func hasDictionary(_ folder: String) -> Bool {
        FileManager.default.fileExists(atPath: folder + "/sys.dic")
    }

    static func mecabConfigDicdir() -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["mecab-config", "--dicdir"]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return nil }
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        let path = String(decoding: output, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return path.isEmpty ? nil : path
    }

    static func mecabrcDicdir() -> String? {
        guard let text = try? String(contentsOfFile: "/etc/mecabrc", encoding: .utf8) else { return nil }
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if parts.count == 2, parts[0] == "dicdir" { return parts[1] }
        }
        return nil
    }
}
