import Crypto
import Foundation

/// Tokens of documents kept on disk between runs, so that a corpus analysed
/// again does not pay MeCab again.
///
/// An entry is keyed by the SHA-256 of the text MeCab reads (the raw text,
/// which also fixes its NFKC form) and lives under a folder named after the
/// dictionary's identity (``dictionaryIdentity(folder:)``): a changed text
/// or dictionary finds no entry. Entries are written to a temporary file and
/// renamed into place, so concurrent runs never see half an entry; each
/// carries a checksum, so a damaged one is reported, recomputed and
/// replaced. Safe to share between threads.
public final class TokenCache: @unchecked Sendable {
    /// The folder given (`--cache DIR`).
    public let directory: String
    private let lock = NSLock()
    private var counts = Statistics()
    /// Tells the user about a damaged entry or a cache that cannot be written (once each).
    private let warn: @Sendable (String) -> Void
    private var warnedWrite = false

    /// How a run used the cache.
    public struct Statistics: Equatable, Sendable {
        /// Documents whose tokens came from the cache.
        public var read = 0
        /// Documents tokenised by MeCab and stored.
        public var stored = 0
        /// Entries that were damaged and replaced.
        public var damaged = 0
    }

    public init(directory: String, warn: @escaping @Sendable (String) -> Void) {
        self.directory = directory
        self.warn = warn
    }

    public var statistics: Statistics { lock.withLock { counts } }

    /// Bumped when tokenisation or the entry format changes, so old entries are not read.
    static let formatVersion = "tokens-v1"

    /// A name for what decides the tokens: the dictionary's compiled files
    /// and settings (names, sizes, modification times and, for the small
    /// text files, contents), the mecabrc that may add user dictionaries,
    /// and the entry format.
    public static func dictionaryIdentity(folder: String) -> String {
        var hasher = SHA256()
        hasher.update(data: Data(formatVersion.utf8))
        let fileManager = FileManager.default
        let compiled = ["sys.dic", "matrix.bin", "matrix.def", "char.bin", "unk.dic"]
        for name in compiled {
            let attributes = try? fileManager.attributesOfItem(atPath: folder + "/" + name)
            let size = (attributes?[.size] as? NSNumber)?.int64Value ?? -1
            let modified = (attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
            hasher.update(data: Data("\(name)\t\(size)\t\(modified)\n".utf8))
        }
        let mecabrc = ProcessInfo.processInfo.environment["MECABRC"] ?? "/etc/mecabrc"
        for path in [folder + "/dicrc", mecabrc] {
            hasher.update(data: Data("\(path)\n".utf8))
            hasher.update(data: fileManager.contents(atPath: path) ?? Data())
        }
        return hex(hasher.finalize()).prefix(32).description
    }

    /// The key of a text's tokens: the SHA-256 of the text MeCab reads.
    public static func textDigest(_ text: String) -> [UInt8] {
        Array(SHA256.hash(data: Data(text.utf8)))
    }

    /// The tokens stored for `text` under `dictionary`, or nil (not there, or damaged).
    public func tokens(for text: String, dictionary: String) -> [Token]? {
        let digest = Self.textDigest(text)
        let path = entryPath(digest: digest, dictionary: dictionary)
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        do {
            let tokens = try TokenCodec.decode(Array(data), textDigest: digest)
            lock.withLock { counts.read += 1 }
            return tokens
        } catch {
            lock.withLock { counts.damaged += 1 }
            warn("kiji: warning: token cache entry \(path) is damaged (\(error.description)); its tokens are computed again and the entry replaced")
            return nil
        }
    }

    /// Stores the tokens MeCab gave for `text`. A cache that cannot be
    /// written is reported once and otherwise ignored: the run goes on.
    public func store(_ tokens: [Token], for text: String, dictionary: String) {
        let digest = Self.textDigest(text)
        let path = entryPath(digest: digest, dictionary: dictionary)
        let folder = (path as NSString).deletingLastPathComponent
        let temporary = folder + "/.\(UUID().uuidString).tmp"
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try Data(TokenCodec.encode(tokens, textDigest: digest)).write(to: URL(fileURLWithPath: temporary))
            guard rename(temporary, path) == 0 else { throw CocoaError(.fileWriteUnknown) }
            lock.withLock { counts.stored += 1 }
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
            let first = lock.withLock { () -> Bool in
                defer { warnedWrite = true }
                return !warnedWrite
            }
            if first {
                warn("kiji: warning: cannot write the token cache in \(directory) (\(error.localizedDescription)); tokens are not cached (use --cache DIR or --no-cache)")
            }
        }
    }

    private func entryPath(digest: [UInt8], dictionary: String) -> String {
        let name = Self.hex(digest)
        return "\(directory)/\(Self.formatVersion)/\(dictionary)/\(name.prefix(2))/\(name).tok"
    }

    private static func hex<Bytes: Sequence>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        bytes.map { String(format: "%02x", $0) }.joined()
    }
}
