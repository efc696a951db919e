import Foundation

/// The shape of a conversation's `mapping`: parents, children in order, tree order, and the visible
/// thread. Built from the parent pointers (the children lists only give the order).
///
/// Broken mappings are salvaged, never dropped: a node whose parent is missing keeps its parent id
/// and starts a branch of its own; a parent link that closes a cycle is cut (that node becomes a root).
/// Each repair is listed in `repairs` with the node it concerns, and the visible path is followed up
/// to the break.
struct ConversationTree {
    /// One repaired link: the node and what was wrong with it.
    struct Repair: Sendable, Equatable {
        let nodeID: String
        let problem: String
    }

    /// Node ids in tree order (depth first, children in order).
    let order: [String]
    /// Each node's parent as stored (absent for roots; a missing parent's id is kept).
    let parent: [String: String]
    /// Each node's position among its parent's children.
    let childIndex: [String: Int]
    /// The visible thread, root first: the path from `current_node` (or the most recent leaf) up to
    /// the root, or up to a break in the mapping.
    let visiblePath: [String]
    /// Links that had to be repaired, in node id order.
    let repairs: [Repair]

    /// Why a conversation cannot be imported at all.
    struct Problem: Error { let reason: String }

    /// `nodes` maps node id → node object; `createTime` gives each node's message time, if any.
    init(nodes: [String: [String: Any]], currentNode: String?, createTime: (String) -> Double?) {
        var stored: [String: String] = [:]   // parent ids as they will be written
        var link: [String: String] = [:]     // parent links inside the mapping, acyclic
        var repairs: [Repair] = []
        let ids = nodes.keys.sorted()
        for id in ids {
            guard let p = nodes[id]?["parent"], !JSONAccess.isNull(p) else { continue }
            guard let pid = p as? String else {
                repairs.append(Repair(nodeID: id, problem: "its parent is not a string; kept as a root"))
                continue
            }
            if pid == id {
                repairs.append(Repair(nodeID: id, problem: "it is its own parent (a cycle); kept as a root"))
                continue
            }
            stored[id] = pid
            if nodes[pid] == nil {
                repairs.append(Repair(nodeID: id, problem: "its parent '\(pid)' is missing from the mapping; kept with its branch"))
            } else {
                link[id] = pid
            }
        }
        // Every parent chain must reach a root: cut the link that closes a cycle.
        var rooted: Set<String> = []
        for start in ids where !rooted.contains(start) {
            var chain: [String] = []
            var seen: Set<String> = []
            var cursor = start
            while let p = link[cursor], !rooted.contains(cursor) {
                if !seen.insert(cursor).inserted {
                    // `cursor` was reached again: its own parent link closes the cycle.
                    link[cursor] = nil
                    stored[cursor] = nil
                    repairs.append(Repair(nodeID: cursor, problem: "its parent '\(p)' closes a cycle; the link is cut and the node kept as a root"))
                    break
                }
                chain.append(cursor)
                cursor = p
            }
            rooted.insert(cursor)
            rooted.formUnion(chain)
        }
        // Children: the listed order first (only those whose parent agrees), then any unlisted ones.
        var children: [String: [String]] = [:]
        var unlisted: [String: [String]] = [:]
        for (id, p) in link {
            let listed = (nodes[p]?["children"] as? [Any])?.contains { ($0 as? String) == id } ?? false
            if !listed { unlisted[p, default: []].append(id) }
        }
        func timeOrder(_ a: String, _ b: String) -> Bool {
            let ta = createTime(a) ?? -.infinity, tb = createTime(b) ?? -.infinity
            return ta != tb ? ta < tb : a < b
        }
        var childIndex: [String: Int] = [:]
        for (id, node) in nodes {
            var list: [String] = []
            var seen: Set<String> = []
            for case let c as String in (node["children"] as? [Any]) ?? [] where link[c] == id && seen.insert(c).inserted {
                list.append(c)
            }
            list += (unlisted[id] ?? []).sorted(by: timeOrder)
            for (i, c) in list.enumerated() { childIndex[c] = i }
            if !list.isEmpty { children[id] = list }
        }
        let roots = ids.filter { link[$0] == nil }.sorted(by: timeOrder)
        var order: [String] = []
        order.reserveCapacity(nodes.count)
        var stack = Array(roots.reversed())
        while let id = stack.popLast() {
            order.append(id)
            if let kids = children[id] { stack.append(contentsOf: kids.reversed()) }
        }
        for (i, r) in roots.enumerated() { childIndex[r] = i }
        // The visible leaf: current_node when the mapping has it, else the most recent leaf
        // (latest create_time; on a tie the last in tree order).
        var target = currentNode.flatMap { nodes[$0] != nil ? $0 : nil }
        if target == nil {
            var best: (String, Double)?
            for id in order where children[id] == nil {
                let t = createTime(id) ?? -.infinity
                if best == nil || t >= best!.1 { best = (id, t) }
            }
            target = best?.0
        }
        var path: [String] = []
        var cursor = target
        while let c = cursor {
            path.append(c)
            cursor = link[c]
        }
        self.order = order
        self.parent = stored
        self.childIndex = childIndex
        self.visiblePath = path.reversed()
        self.repairs = repairs.sorted { $0.nodeID < $1.nodeID }
    }
}
