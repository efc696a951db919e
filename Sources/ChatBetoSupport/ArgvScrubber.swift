import Foundation

/// Hides a password given in `--dsn` from other users' `ps`: the bytes of the process's own argument
/// strings are overwritten in place (what the mysql client does), so `/proc/<pid>/cmdline` no longer
/// holds it. Call after Swift has copied the arguments (`CommandLine.arguments`).
public enum ArgvScrubber {
    /// Overwrites the password of every `--dsn` value; returns true when there was one (warn the user).
    public static func scrubDSNPasswords() -> Bool {
        var found = false
        let argc = Int(CommandLine.argc)
        var takesValue = false
        for i in 1..<max(argc, 1) {
            guard let arg = CommandLine.unsafeArgv[i] else { continue }
            let length = strlen(arg)
            let bytes = UnsafeMutableRawPointer(arg).bindMemory(to: UInt8.self, capacity: length)
            let text = Array(UnsafeBufferPointer(start: bytes, count: length))
            var offset: Int?
            if takesValue { offset = 0 } else if text.starts(with: Array("--dsn=".utf8)) { offset = 6 }
            takesValue = text == Array("--dsn".utf8)
            guard let offset, let range = passwordRange(in: Array(text[offset...])) else { continue }
            for j in range { bytes[offset + j] = UInt8(ascii: "x") }
            found = true
        }
        return found
    }

    /// The byte range of the password in `scheme://user:password@host…`, if there is one.
    static func passwordRange(in dsn: [UInt8]) -> Range<Int>? {
        let separator = Array("://".utf8)
        guard let schemeEnd = (0..<max(dsn.count - 2, 0)).first(where: { Array(dsn[$0..<$0 + 3]) == separator }) else { return nil }
        let authorityStart = schemeEnd + 3
        let authorityEnd = dsn[authorityStart...].firstIndex(where: { $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") }) ?? dsn.count
        guard let at = dsn[authorityStart..<authorityEnd].lastIndex(of: UInt8(ascii: "@")),
              let colon = dsn[authorityStart..<at].firstIndex(of: UInt8(ascii: ":")), colon + 1 < at else { return nil }
        return (colon + 1)..<at
    }
}
