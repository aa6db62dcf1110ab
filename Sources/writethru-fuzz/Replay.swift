#if !WRITETHRU_LIBFUZZER
import Foundation

/// Without libFuzzer (the ordinary build): `writethru-fuzz FILE...` runs each saved input
/// (a crash file, a corpus entry) through the same code once, to reproduce a finding under a
/// debugger or without the sanitizers.
@main
enum Replay {
    static func main() {
        let files = CommandLine.arguments.dropFirst()
        guard !files.isEmpty else {
            FileHandle.standardError.write(Data("usage: writethru-fuzz FILE...  (make fuzz runs libFuzzer)\n".utf8))
            exit(64)
        }
        for file in files {
            guard let data = FileManager.default.contents(atPath: file) else {
                FileHandle.standardError.write(Data("writethru-fuzz: cannot read \(file)\n".utf8))
                exit(66)
            }
            FuzzInput.run([UInt8](data))
            print("ran \(file) (\(data.count) bytes)")
        }
    }
}
#endif
