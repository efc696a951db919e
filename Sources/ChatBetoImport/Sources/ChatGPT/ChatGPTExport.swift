import Foundation

/// A ChatGPT export resolved to its conversations files and asset files: the export zip (read in
/// place), an unpacked export folder, or a single JSON file (`conversations.json`, one
/// `conversations-NNN.json` shard, or one conversation object, whatever its name).
struct ChatGPTExport: OpenedExport {
    /// The conversations files, in import order (shards by number).
    let files: [ExportFile]
    /// Bump when the reader stores more from the same bytes (2: documents, voice audio, the model fallback and attachment file names).
    let readerVersion = "chatgpt-2"
    private(set) var notes: [String]
    let assets: AssetIndex

    /// Resolves what `probe` looked at; throws a clear error when it holds no conversations file.
    init(_ probe: ExportProbe) throws {
        if probe.kind == .zip, probe.member == nil, ChatGPTExport.conversationFiles(probe.entries.map(\.path)).isEmpty,
           let container = try ChatGPTContainer.open(probe) {
            try self.init(container.export, extraAssets: container.otherFiles)
            notes = ["a Privacy Portal container: read the ChatGPT export inside it, \(container.member)"] + notes
            return
        }
        try self.init(probe, extraAssets: [])
    }

    private init(_ probe: ExportProbe, extraAssets: [String]) throws {
        notes = []
        switch probe.kind {
        case .file:
            files = probe.entries.map(probe.file)
            assets = AssetIndex(paths: [])
            notes += ChatGPTExport.shardsBeside(probe.url)
        case .folder, .zip:
            // Conversations files sit at the top, or one folder down when a zip was unpacked into a folder.
            let paths = probe.entries.map(\.path)
            let chosen = Set(ChatGPTExport.conversationFiles(paths.filter { $0.split(separator: "/").count <= 2 }))
            guard !chosen.isEmpty else {
                throw ImportError.noConversations(path: probe.url.path,
                                                  reason: "the \(probe.kind == .zip ? "zip" : "folder") holds no conversations.json or conversations-NNN.json")
            }
            files = probe.entries.filter { chosen.contains($0.path) }.sorted { $0.path < $1.path }.map(probe.file)
            var index = AssetIndex(paths: paths.filter { !chosen.contains($0) } + extraAssets)
            index.learn(from: probe, folder: ((chosen.first ?? "") as NSString).deletingLastPathComponent)
            assets = index
            notes += ChatGPTExport.checkManifest(probe, conversationsFolder: ((chosen.first ?? "") as NSString).deletingLastPathComponent)
        }
    }

    func read(_ file: ExportFile, into stream: ConversationStream) throws -> Int {
        try ChatGPTConversationFile(assets: assets).read(file, into: stream)
    }

    /// Compares `export_manifest.json` beside the conversations files, when there is one, with the export.
    private static func checkManifest(_ probe: ExportProbe, conversationsFolder folder: String) -> [String] {
        let prefix = folder.isEmpty ? "" : folder + "/"
        guard let entry = probe.entries.first(where: { $0.path == prefix + ExportManifest.name }) else { return [] }
        guard let manifest = ExportManifest(probe.head(entry.path, count: Int(min(entry.size, 64 << 20)))) else {
            return ["\(ExportManifest.name) is not a manifest chatbeto can read (no export_files list); not checked"]
        }
        var present: [String: Int64] = [:]
        for e in probe.entries where e.path.hasPrefix(prefix) { present[String(e.path.dropFirst(prefix.count))] = e.size }
        return manifest.check(against: present)
    }

    /// For one shard given alone: the other shards in its folder, which this import does not read.
    private static func shardsBeside(_ url: URL) -> [String] {
        let name = url.lastPathComponent
        guard isShard(name) else { return [] }
        let folder = url.deletingLastPathComponent()
        let others = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { isShard($0) && $0 != name }.sorted()
        guard !others.isEmpty else { return [] }
        return ["\(name) is one shard of \(others.count + 1); this import read only it. The others are beside it (" +
                others.prefix(5).joined(separator: ", ") + (others.count > 5 ? ", …" : "") +
                "): import the folder \(folder.path) to read them all"]
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
