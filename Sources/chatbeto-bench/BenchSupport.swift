import Foundation

// chatbeto-bench's command-line arguments, output and timing helpers.

func argument(_ name: String, _ fallback: Int) -> Int {
    let args = CommandLine.arguments
    guard let i = args.firstIndex(of: name), i + 1 < args.count, let v = Int(args[i + 1]) else { return fallback }
    return v
}
func stringArgument(_ name: String) -> String? {
    let args = CommandLine.arguments
    guard let i = args.firstIndex(of: name), i + 1 < args.count else { return nil }
    return args[i + 1]
}
func insertEmbeddings(rows: Int) -> String {
    "INSERT IGNORE INTO message_embeddings (conversation_id, node_id, chunk, model, dimensions, vector) VALUES "
        + Array(repeating: "(?, ?, ?, ?, ?, ?)", count: rows).joined(separator: ", ")
}

/// The peak resident set of this process (VmHWM), in bytes.
func peakRSS() -> Int {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
          let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
          let kb = Int(line.split(separator: " ").dropFirst().first ?? "") else { return 0 }
    return kb * 1024
}

func log(_ s: String) { FileHandle.standardError.write(Data((s + "\n").utf8)) }
/// Results go straight to stdout (unbuffered), so nothing is lost if a later step fails.
func report(_ s: String) { FileHandle.standardOutput.write(Data((s + "\n").utf8)) }
func ms(_ seconds: Double) -> String { String(format: "%.1f ms", seconds * 1000) }
func timed<T>(_ body: () throws -> T) rethrows -> (T, Double) {
    let start = DispatchTime.now().uptimeNanoseconds
    let value = try body()
    return (value, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
}
func summary(_ label: String, _ times: [Double]) -> String {
    let s = times.sorted()
    return "\(label): median \(ms(s[s.count / 2])), p90 \(ms(s[s.count * 9 / 10])), max \(ms(s.last!)) over \(s.count) queries"
}
