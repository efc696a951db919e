import Foundation

/// The shape of a conversation's `mapping`: parents, children in order, tree order, and the visible
/// thread. Built from the parent pointers (the children lists only give the order), and rejected
/// when a parent is missing or the parents form a cycle.
struct ConversationTree {
    /// Node ids in tree order (depth first, children in order).
    let order: [String]
    /// Each node's parent (absent for roots).
    let parent: [String: String]
    /// Each node's position among its parent's children.
    let childIndex: [String: Int]
    /// The visible thread, root first: the path from `current_node` (or the most recent leaf) to the root.
    let visiblePath: [String]

    /// Why a mapping cannot be imported.
    struct Problem: Error { let reason: String }

    /// `nodes` maps node id → node object; `createTime` gives each node's message time, if any.
    init(nodes: [String: [String: Any]], currentNode: String?, createTime: (String) -> Double?) throws {
        var parent: [String: String] = [:]
        for (id, node) in nodes {
            guard let p = node["parent"], !(p is NSNull) else { continue }
            guard let pid = p as? String else { throw Problem(reason: "mapping node '\(id)' has a parent that is not a string") }
            guard nodes[pid] != nil else { throw Problem(reason: "mapping node '\(id)' has a missing parent '\(pid)'") }
            guard pid != id else { throw Problem(reason: "mapping node '\(id)' is its own parent (cycle)") }
            parent[id] = pid
        }
        // Every parent chain must reach a root.
        var rooted: Set<String> = []
        for start in nodes.keys where !rooted.contains(start) {
            var chain: [String] = []
            var seen: Set<String> = []
            var cursor = start
            while let p = parent[cursor], !rooted.contains(cursor) {
                if !seen.insert(cursor).inserted { throw Problem(reason: "mapping has a cycle through node '\(cursor)'") }
                chain.append(cursor)
                cursor = p
            }
            rooted.insert(cursor)
            rooted.formUnion(chain)
        }
        // Children: the listed order first (only those whose parent agrees), then any unlisted ones.
        var children: [String: [String]] = [:]
        var unlisted: [String: [String]] = [:]
        for (id, p) in parent {
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
            for case let c as String in (node["children"] as? [Any]) ?? [] where parent[c] == id && seen.insert(c).inserted {
                list.append(c)
            }
            list += (unlisted[id] ?? []).sorted(by: timeOrder)
            for (i, c) in list.enumerated() { childIndex[c] = i }
            if !list.isEmpty { children[id] = list }
        }
        let roots = nodes.keys.filter { parent[$0] == nil }.sorted(by: timeOrder)
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
            cursor = parent[c]
        }
        self.order = order
        self.parent = parent
        self.childIndex = childIndex
        self.visiblePath = path.reversed()
    }
}
