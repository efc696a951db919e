import Foundation

/// A ChatGPT export resolved to its conversations files and asset files: the export zip (read in
/// place), an unpacked export folder, or a single JSON file (`conversations.json`, one
/// `conversations-NNN.json` shard, or one conversation object, whatever its name).
struct ChatGPTExport: OpenedExport {
    /// The conversations files, in import order (shards by number).
    let files: [ExportFile]
    let notes: [String]
    let assets: AssetIndex

    /// Resolves what `probe` looked at; throws a clear error when it holds no conversations file.
    init(_ probe: ExportProbe) throws {
        notes = []
        switch probe.kind {
        case .file:
            files = probe.entries.map(probe.file)
            assets = AssetIndex(paths: [])
        case .folder, .zip:
            // Conversations files sit at the top, or one folder down when a zip was unpacked into a folder.
            let paths = probe.entries.map(\.path)
            let chosen = Set(ChatGPTExport.conversationFiles(paths.filter { $0.split(separator: "/").count <= 2 }))
            guard !chosen.isEmpty else {
                throw ImportError.noConversations(path: probe.url.path,
                                                  reason: "the \(probe.kind == .zip ? "zip" : "folder") holds no conversations.json or conversations-NNN.json")
            }
            files = probe.entries.filter { chosen.contains($0.path) }.sorted { $0.path < $1.path }.map(probe.file)
            assets = AssetIndex(paths: paths.filter { !chosen.contains($0) })
        }
    }

    func read(_ file: ExportFile, into stream: ConversationStream) throws -> Int {
        try ChatGPTConversationFile(assets: assets).read(file, into: stream)
    }

    /// `conversations.json` and `conversations-000.json` …, sorted; the single file wins when both exist
    /// only if there are no shards (exports have one layout or the other).
    static func conversationFiles(_ names: [String]) -> [String] {
        let shards = names.filter { isShard(($0 as NSString).lastPathComponent) }.sorted()
        if !shards.isEmpty { return shards }
        return names.filter { ($0 as NSString).lastPathComponent == "conversations.json" }.sorted { $0.count < $1.count }.prefix(1).map { $0 }
    }

    static func isShard(_ name: String) -> Bool {
        guard name.hasPrefix("conversations-"), name.hasSuffix(".json") else { return false }
        let digits = name.dropFirst("conversations-".count).dropLast(".json".count)
        return !digits.isEmpty && digits.allSatisfy(\.isASCII) && digits.allSatisfy(\.isNumber)
    }
}
