import ChatBetoStore
import Foundation

/// A conversation in the shape of ChatGPT's `conversations.json` entries
/// (`{id, title, create_time, update_time, mapping, current_node, …}`), so the importer reads it back.
/// Imported messages are written from their original JSON; others are rebuilt from the columns.
public enum JSONExport {
    /// The conversation as a ChatGPT `conversations.json` entry (every branch, or the visible thread).
    public static func render(_ c: ExportedConversation, allBranches: Bool) throws -> String {
        let data = try JSONSerialization.data(withJSONObject: object(c, allBranches: allBranches),
                                              options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// The conversation object: the original extra keys, then ours on top.
    public static func object(_ c: ExportedConversation, allBranches: Bool) -> [String: Any] {
        var out: [String: Any] = [:]
        if let extra = c.extra, let parsed = try? JSONSerialization.jsonObject(with: Data(extra.utf8)) as? [String: Any] {
            out = parsed
        }
        // The visible thread keeps hidden nodes on the path, so parents stay linked.
        let kept = allBranches ? c.nodes : c.nodes.filter(\.onVisiblePath)
        let keptIDs = Set(kept.map(\.nodeID))
        var mapping: [String: [String: Any]] = [:]
        for node in kept {
            mapping[node.nodeID] = ["id": node.nodeID, "message": message(node), "parent": node.parentNodeID.map { $0 as Any } ?? NSNull(),
                                "children": [String]()]
        }
        // Parents that were never stored as messages (the export's empty root) become empty nodes.
        for node in kept {
            guard let parent = node.parentNodeID, !keptIDs.contains(parent), mapping[parent] == nil else { continue }
            mapping[parent] = ["id": parent, "message": NSNull(), "parent": NSNull(), "children": [String]()]
        }
        for node in kept.sorted(by: { $0.childIndex < $1.childIndex }) {
            guard let parent = node.parentNodeID, mapping[parent] != nil else { continue }
            mapping[parent]!["children"] = (mapping[parent]!["children"] as! [String]) + [node.nodeID]
        }
        out["id"] = c.summary.id
        out["conversation_id"] = c.summary.id
        out["title"] = c.summary.title ?? NSNull()
        out["create_time"] = ExportedConversation.epoch(c.summary.createTime) ?? NSNull()
        out["update_time"] = ExportedConversation.epoch(c.summary.updateTime) ?? NSNull()
        out["mapping"] = mapping
        let leaf = c.summary.currentNode.flatMap { keptIDs.contains($0) ? $0 : nil }
            ?? kept.filter(\.onVisiblePath).max { ($0.visibleIndex ?? 0) < ($1.visibleIndex ?? 0) }?.nodeID
        out["current_node"] = leaf ?? NSNull()
        out["gizmo_id"] = c.gizmoID ?? NSNull()
        out["default_model_slug"] = c.defaultModel ?? NSNull()
        out["is_archived"] = c.isArchived
        return out
    }

    static func message(_ node: StoredMessage) -> Any {
        if let raw = node.raw, let parsed = try? JSONSerialization.jsonObject(with: Data(raw.utf8)), parsed is [String: Any] {
            return parsed
        }
        // A node stored without a message (the export's root) goes back without one.
        if node.raw == nil && node.role == nil && node.contentType == nil && node.text == nil { return NSNull() }
        var metadata: [String: Any] = [:]
        if let model = node.modelSlug { metadata["model_slug"] = model }
        if node.isHidden { metadata["is_visually_hidden_from_conversation"] = true }
        return [
            "id": node.nodeID,
            "author": ["role": node.role ?? "user", "name": node.authorName ?? NSNull(), "metadata": [String: Any]()] as [String: Any],
            "create_time": ExportedConversation.epoch(node.createTime) ?? NSNull(),
            "update_time": ExportedConversation.epoch(node.updateTime) ?? NSNull(),
            "content": ["content_type": node.contentType ?? "text", "parts": [node.text ?? ""]] as [String: Any],
            "status": node.status ?? "finished_successfully",
            "end_turn": node.endTurn.map { $0 as Any } ?? NSNull(),
            "weight": node.weight ?? 1.0,
            "metadata": metadata,
            "recipient": node.recipient ?? "all",
        ] as [String: Any]
    }
}
