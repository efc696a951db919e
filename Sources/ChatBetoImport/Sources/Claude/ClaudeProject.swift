import Foundation

/// A project from another provider's export, written as a project row (name and instructions).
struct SourceProject: Sendable, Equatable {
    var provider: String
    /// The provider's id for it (Claude: the project uuid).
    var externalID: String
    var name: String
    var instructions: String?
    var createTime: String?
}

/// Claude projects: `projects.json` (an array) or `projects/<uuid>.json` (one object). Only the names and
/// `prompt_template` (the project's instructions) are stored; the export links no conversation to them.
enum ClaudeProject {
    /// The projects in a projects file's JSON (array or single object); elements without a uuid are left out.
    static func read(_ json: Any) -> [SourceProject] {
        let list: [Any] = (json as? [Any]) ?? [json]
        return list.compactMap { value in
            guard let o = value as? [String: Any], let uuid = JSONAccess.string(o["uuid"]), !uuid.isEmpty, uuid.utf8.count <= 64,
                  o["chat_messages"] == nil else { return nil }
            let name = JSONAccess.string(o["name"]).flatMap { $0.isEmpty ? nil : $0 } ?? "(unnamed Claude project)"
            let instructions = JSONAccess.string(o["prompt_template"]).flatMap { $0.isEmpty ? nil : $0 }
            return SourceProject(provider: "claude", externalID: uuid, name: String(name.prefix(255)), instructions: instructions,
                                 createTime: SourceTime.from(o["created_at"]))
        }
    }

    /// Whether a file path inside a Claude export holds projects.
    static func isProjectsFile(_ path: String) -> Bool {
        let parts = path.split(separator: "/").map(String.init)
        guard let name = parts.last, name.hasSuffix(".json") else { return false }
        if name == "projects.json" { return true }
        return parts.dropLast().last?.hasPrefix("projects") == true
    }
}
