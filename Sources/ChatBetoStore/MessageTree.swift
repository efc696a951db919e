/// The tree order of a conversation's nodes, shared by `show --all-branches` and the exports:
/// depth-first from the roots, children in their stored order, one level deeper under a branch point
/// (a parent with several children: a regeneration or an edit). Cycles are cut.
public enum MessageTree {
    /// A node and its place in the tree.
    public struct Entry<Node> {
        public let node: Node
        public let depth: Int
        /// The node is one of several children of its parent.
        public let isBranch: Bool
    }

    /// Orders nodes parents before children, siblings in the given order.
    public static func depthFirst<Node>(_ nodes: [Node], id: (Node) -> String, parent: (Node) -> String?,
                                 childIndex: (Node) -> Int, createTime: (Node) -> String?) -> [Entry<Node>] {
        let ids = Set(nodes.map(id))
        var children: [String: [Node]] = [:]
        var roots: [Node] = []
        for n in nodes {
            if let p = parent(n), ids.contains(p) { children[p, default: []].append(n) } else { roots.append(n) }
        }
        var out: [Entry<Node>] = []
        var visited = Set<String>()
        func walk(_ n: Node, depth: Int, isBranch: Bool) {
            guard visited.insert(id(n)).inserted else { return }
            out.append(Entry(node: n, depth: depth, isBranch: isBranch))
            let kids = (children[id(n)] ?? []).sorted { childIndex($0) < childIndex($1) }
            for k in kids { walk(k, depth: kids.count > 1 ? depth + 1 : depth, isBranch: kids.count > 1) }
        }
        let orderedRoots = roots.sorted { (createTime($0) ?? "", childIndex($0)) < (createTime($1) ?? "", childIndex($1)) }
        for r in orderedRoots { walk(r, depth: 0, isBranch: roots.count > 1) }
        return out
    }
}
