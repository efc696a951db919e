import Foundation
@testable import ChatBetoCore

/// Runs the built `chatbeto` binary the way a user does, against the test server.
enum Binary {
    static var packageRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
    }

    /// `CHATBETO_BIN`, else the debug build next to the tests.
    static var path: String {
        if let p = ProcessInfo.processInfo.environment["CHATBETO_BIN"] { return p }
        return packageRoot.appendingPathComponent(".build/debug/chatbeto").path
    }

    struct Result {
        var stdout: String
        var stderr: String
        var status: Int32
    }

    /// A DSN for a fresh, migrated database on the test server.
    static func freshDSN() throws -> String {
        let db = try TestServer.freshDatabase()
        let c = db.connection.config
        if let socket = c.socket { return "mysql://\(c.user)@localhost/\(c.database)?socket=\(socket)" }
        return "mysql://\(c.user)\(c.password.map { ":" + $0 } ?? "")@\(c.host ?? "127.0.0.1"):\(c.port)/\(c.database)"
    }

    /// Runs chatbeto with arguments and optional stdin; HOME and CHATBETO_HOME point at a temp dir.
    static func run(_ arguments: [String], stdin: String? = nil, environment: [String: String] = [:],
                    home: URL? = nil) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        let h = home ?? FileManager.default.temporaryDirectory.appendingPathComponent("cb-home-\(UUID().uuidString.prefix(8))")
        env["CHATBETO_HOME"] = h.path
        env["NO_COLOR"] = "1"
        env.removeValue(forKey: "CHATBETO_DSN")
        env.removeValue(forKey: "OPENAI_API_KEY")
        for (k, v) in environment { env[k] = v }
        process.environment = env
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        // Read both pipes concurrently so a full pipe never blocks the child.
        final class Box: @unchecked Sendable { var data = Data() }
        let errBox = Box()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async { errBox.data = err.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return Result(stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: errBox.data, as: UTF8.self),
                      status: process.terminationStatus)
    }
}
