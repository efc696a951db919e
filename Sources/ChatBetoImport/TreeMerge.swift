import Foundation

/// How a re-imported conversation joins the stored one: the export's nodes are added or updated, every
/// stored node stays (local turns keep their parents), and the visible path is recomputed to follow
/// the most recent leaf among the export's `current_node` and the stored current node.
struct TreeMerge {
    /// One stored node as the merge needs it.
    struct StoredNode: Equatable {
        var id: String
        var parent: String?
        var createTime: String?
        var visibleIndex: Int?
        var onVisiblePath: Bool
    }

    /// The leaf the visible path ends at.
    let leaf: String?
    /// The visible path, root (or the first node after a break) first.
    let path: [String]
    /// Number of nodes after the merge.
    let nodeCount: Int
    /// Stored nodes the export does not hold whose place on the visible path changes: (node, index).
    let storedChanges: [(id: String, visibleIndex: Int?)]

    /// `exportLeaf` is the export's visible leaf; `storedLeaf` the conversation's current node before.
    init(stored: [StoredNode], export: [ConversationRecord.Message], exportLeaf: String?, storedLeaf: String?) {
        var parent: [String: String] = [:]
        var time: [String: String] = [:]
        var exported = Set<String>()
        for n in stored {
            if let p = n.parent { parent[n.id] = p }
            if let t = n.createTime { time[n.id] = t }
        }
        for m in export {
            exported.insert(m.nodeID)
            parent[m.nodeID] = m.parentID
            if let t = m.createTime { time[m.nodeID] = t } else { time[m.nodeID] = nil }
        }
        let all = exported.union(stored.map(\.id))
        func ancestors(_ id: String) -> [String] {
            var out: [String] = []
            var seen = Set<String>()
            var cursor: String? = id
            while let c = cursor, all.contains(c), seen.insert(c).inserted {
                out.append(c)
                cursor = parent[c]
            }
            return out
        }
        var chosen = exportLeaf.flatMap { all.contains($0) ? $0 : nil }
        if let local = storedLeaf, all.contains(local), local != chosen {
            if let e = chosen {
                let localLine = ancestors(local)
                if localLine.contains(e) {
                    chosen = local            // the local turns continue the export's leaf
                } else if ancestors(e).contains(local) {
                    chosen = e                // the export grew past the stored leaf
                } else if (time[local] ?? "") > (time[e] ?? "") {
                    chosen = local            // two branches: the most recent leaf wins (a tie: the export)
                }
            } else {
                chosen = local
            }
        }
        path = chosen.map { Array(ancestors($0).reversed()) } ?? []
        leaf = chosen
        nodeCount = all.count
        var index: [String: Int] = [:]
        for (i, id) in path.enumerated() { index[id] = i }
        storedChanges = stored.filter { !exported.contains($0.id) }.compactMap { n in
            let want = index[n.id]
            return want == n.visibleIndex && (want != nil) == n.onVisiblePath ? nil : (n.id, want)
        }
        self.visibleIndex = index
    }

    /// Each node's position on the new visible path.
    let visibleIndex: [String: Int]
}
