import ChatBetoOpenAI
import Foundation

/// Runs Tests/FakeOpenAI/fake_openai.py as a subprocess on an ephemeral loopback port.
public final class FakeOpenAIServer: @unchecked Sendable {
    public static let apiKey = "sk-test-0123456789abcdefSECRET"
    public static let script = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("FakeOpenAI/fake_openai.py")

    public let process = Process()
    public let port: Int
    private let directory: URL
    private let control: CurlTransport

    public init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("fake-openai-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let portFile = directory.appendingPathComponent("port")
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", FakeOpenAIServer.script.path, "--port-file", portFile.path,
                             "--api-key", FakeOpenAIServer.apiKey, "--exit-with-parent"]
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(15)
        var found: Int?
        while found == nil {
            if let text = try? String(contentsOf: portFile, encoding: .utf8), let p = Int(text) { found = p; break }
            guard process.isRunning, Date() < deadline else {
                process.terminate()
                throw TransportError(kind: .connect, message: "fake server did not start")
            }
            Thread.sleep(forTimeInterval: 0.02)
        }
        port = found!
        control = try CurlTransport()
    }

    deinit {
        _ = try? call("POST", "shutdown")
        if process.isRunning {
            process.terminate()
            let deadline = Date().addingTimeInterval(5)
            while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        }
        try? FileManager.default.removeItem(at: directory)
    }

    public var baseURL: String { "http://127.0.0.1:\(port)/v1" }

    public func config(key: String = FakeOpenAIServer.apiKey) -> OpenAIConfig {
        OpenAIConfig(apiKey: key, baseURL: baseURL)
    }

    /// Calls a `/__fake/…` control endpoint and returns its JSON.
    @discardableResult
    public func call(_ method: String, _ path: String, _ body: JSONValue? = nil) throws -> JSONValue {
        var data = Data()
        _ = try control.perform(HTTPRequest(method: method, url: "http://127.0.0.1:\(port)/__fake/\(path)",
                                            headers: [("Content-Type", "application/json")], body: body?.serialized()),
                                cancellation: nil) { _, chunk in data.append(chunk); return true }
        return JSONValue.parse(data) ?? .null
    }

    public func queueFaults(_ faults: JSONValue...) throws { try call("POST", "faults", ["faults": .array(faults)]) }

    public func configure(_ settings: JSONValue) throws { try call("POST", "config", settings) }

    /// Every API request received so far.
    public func requests() throws -> [JSONValue] { try call("GET", "requests")["requests"]?.array ?? [] }

    public func requests(to path: String) throws -> [JSONValue] {
        try requests().filter { ($0["path"]?.string ?? "").hasPrefix("/v1" + path) }
    }
}

/// Records waits instead of sleeping.
public final class RecordingSleeper: Sleeper, @unchecked Sendable {
    private let lock = NSLock()
    private var _sleeps: [Double] = []
    public init() {}
    public var sleeps: [Double] { lock.withLock { _sleeps } }
    public func sleep(seconds: Double) { lock.withLock { _sleeps.append(seconds) } }
}

/// Collects values from @Sendable callbacks.
public final class Collector<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var _items: [T] = []
    public init() {}
    public var items: [T] { lock.withLock { _items } }
    public func append(_ item: T) { lock.withLock { _items.append(item) } }
}

/// Runs `body` and returns the `OpenAIError` it throws (nil if it throws nothing or something else).
public func openAIError(_ body: () throws -> Void) -> OpenAIError? {
    do { try body() } catch let error as OpenAIError { return error } catch { return nil }
    return nil
}
