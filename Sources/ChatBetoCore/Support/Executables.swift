import Foundation

/// Finding and running helper programs (mariadbd, setsid, the pager).
enum Executables {
    static let searchPath = ["/usr/sbin", "/usr/local/sbin", "/sbin", "/usr/bin", "/bin", "/usr/local/bin"]

    static func find(_ name: String, alternatives: [String] = []) throws -> String {
        let path = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map(String.init)
        for candidate in [name] + alternatives {
            for dir in path + searchPath {
                let full = dir + "/" + candidate
                if FileManager.default.isExecutableFile(atPath: full) { return full }
            }
        }
        throw ServerError.executableNotFound(name)
    }

    /// Runs a program to completion with no terminal attached; throws with its output on failure.
    @discardableResult
    static func run(_ executable: String, _ arguments: [String], captureOutput: Bool = false) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardInput = FileHandle.nullDevice
        let pipe = Pipe()
        if captureOutput {
            process.standardOutput = pipe
            process.standardError = pipe
        } else {
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
        }
        try process.run()
        let data = captureOutput ? pipe.fileHandleForReading.readDataToEndOfFile() : Data()
        process.waitUntilExit()
        let output = String(decoding: data, as: UTF8.self)
        guard process.terminationStatus == 0 else {
            throw ServerError.commandFailed(command: (executable as NSString).lastPathComponent,
                                            status: process.terminationStatus, output: output)
        }
        return output
    }
}
