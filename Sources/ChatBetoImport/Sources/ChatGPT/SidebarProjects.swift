import ChatBetoSupport
import ChatBetoStore
import Foundation

/// Project names, emoji and instructions from the project list a user can save from the ChatGPT web
/// app (`GET /backend-api/gizmos/snorlax/sidebar`: `items[].gizmo.gizmo.{id, display{name, emoji}, instructions}`).
/// Pages of it, a bare `items` array, or any JSON holding such gizmo objects are accepted.
struct SidebarProjects: Sendable {
    struct Project: Sendable, Equatable {
        var gizmoID: String
        var name: String
        var emoji: String?
        var instructions: String?
    }

    let projects: [Project]

    static func load(_ url: URL) throws -> SidebarProjects {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw ImportError.invalidProjectsFile(path: url.path, reason: "cannot read it (\(error.localizedDescription))")
        }
        let json: Any
        do { json = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) } catch {
            throw ImportError.invalidProjectsFile(path: url.path, reason: "not valid JSON (\(error.localizedDescription))")
        }
        var found: [String: Project] = [:]
        var order: [String] = []
        collect(json, into: &found, order: &order)
        guard !found.isEmpty else {
            throw ImportError.invalidProjectsFile(path: url.path, reason: "no project gizmos (objects with a g-p-… id and display.name) in it")
        }
        return SidebarProjects(projects: order.compactMap { found[$0] })
    }

    private static func collect(_ value: Any, into found: inout [String: Project], order: inout [String]) {
        if let array = value as? [Any] {
            for v in array { collect(v, into: &found, order: &order) }
            return
        }
        guard let object = value as? [String: Any] else { return }
        if let id = JSONAccess.string(object["id"]), id.hasPrefix("g-p-"),
           let display = JSONAccess.object(object["display"]), let name = JSONAccess.string(display["name"]), !name.isEmpty {
            let key = ChatGPTProjectID.withoutSlug(id)
            if found[key] == nil { order.append(key) }
            let instructions = JSONAccess.string(object["instructions"]).flatMap { $0.isEmpty ? nil : $0 }
            found[key] = Project(gizmoID: key, name: String(name.prefix(255)), emoji: JSONAccess.string(display["emoji"]).map { String($0.prefix(32)) },
                                 instructions: instructions)
        }
        for v in object.values { collect(v, into: &found, order: &order) }
    }
}
