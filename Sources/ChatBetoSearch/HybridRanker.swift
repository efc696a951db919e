/// Reciprocal rank fusion: each list contributes 1 / (k + rank) for every hit it holds, so hits that
/// rank well in several lists rise, and scores of different kinds (relevance, cosine) never mix.
public enum HybridRanker {
    /// The constant of Cormack, Clarke and Büttcher (2009); it damps the weight of the very top ranks.
    public static let k = 60.0

    /// Fused hits, best first; a hit keeps the details of the first list that held it and the fused score.
    public static func fuse(_ lists: [[SearchHit]], limit: Int, k: Double = HybridRanker.k) -> [SearchHit] {
        var scores: [String: Double] = [:]
        var first: [String: (SearchHit, Int)] = [:]
        var order = 0
        for list in lists {
            for (rank, hit) in list.enumerated() {
                scores[hit.key, default: 0] += 1 / (k + Double(rank + 1))
                if first[hit.key] == nil { first[hit.key] = (hit, order); order += 1 }
            }
        }
        return first.values
            .map { hit, seen in (hit, seen, scores[hit.key]!) }
            .sorted { $0.2 != $1.2 ? $0.2 > $1.2 : $0.1 < $1.1 }
            .prefix(limit)
            .map { hit, _, score in var h = hit; h.score = score; return h }
    }
}
