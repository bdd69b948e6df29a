import Foundation

/// Runs a fuzz target's body over stored inputs: the regression mode of the
/// fuzz executables when they are built without libFuzzer (`make test` runs
/// them over `Tests/Fuzz/`, so every crasher found once stays fixed).
public enum FuzzInputs {
    /// A fuzz target's body, as libFuzzer calls it.
    public typealias Target = @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32

    /// The `main` of a fuzz executable: with libFuzzer (`-DKIJI_LIBFUZZER`,
    /// see `make fuzz`), libFuzzer's driver with its usual flags; otherwise
    /// the regression mode over the files named on the command line.
    public static func main(_ target: Target) -> Never {
        #if KIJI_LIBFUZZER
        var argc = CommandLine.argc
        var argv = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv, target))
        #else
        exit(runRegression(arguments: Array(CommandLine.arguments.dropFirst())) { bytes in
            _ = target(bytes.baseAddress ?? UnsafePointer(bitPattern: 1), bytes.count)
        })
        #endif
    }

    /// Calls `body` with the bytes of every file named in `arguments` (files,
    /// or folders whose files are read in sorted order). Returns the exit
    /// status: 0 when every input ran, 2 for a usage error.
    public static func runRegression(arguments: [String], _ body: (UnsafeBufferPointer<UInt8>) -> Void) -> Int32 {
        guard !arguments.isEmpty else {
            FileHandle.standardError.write(Data("usage: \(CommandLine.arguments.first ?? "fuzz") INPUT-FILE-OR-FOLDER…\n".utf8))
            return 2
        }
        var count = 0
        for path in arguments {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
                FileHandle.standardError.write(Data("no such input: \(path)\n".utf8))
                return 2
            }
            let files = isFolder.boolValue
                ? ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted().map { "\(path)/\($0)" }
                : [path]
            for file in files {
                guard let data = FileManager.default.contents(atPath: file) else { continue }
                data.withUnsafeBytes { body($0.bindMemory(to: UInt8.self)) }
                count += 1
            }
        }
        print("\(count) inputs ran")
        return 0
    }
}

#if KIJI_LIBFUZZER
/// libFuzzer's entry for programs with their own `main`.
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(_ argc: UnsafeMutablePointer<Int32>,
                         _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
                         _ target: FuzzInputs.Target) -> Int32
#endif
