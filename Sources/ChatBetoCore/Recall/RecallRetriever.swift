import ChatBetoSearch
import ChatBetoStore

/// Picks recall's passages: hybrid search ranks messages (full-text alone when there are no vectors or
/// no key), the best hit of each conversation is kept, and widened with the turns before and after it.
struct RecallRetriever {
    let search: HybridSearch
    let catalog: Catalog
    /// Turns kept on each side of a hit.
    var neighbours = 1

    func passages(for question: String, filter: SearchFilter, limit: Int) throws -> [RecallPassage] {
        var wide = filter
        wide.limit = max(limit * 4, 20)
        let hits = try rankedHits(question, filter: wide)
        var seen = Set<String>()
        var passages: [RecallPassage] = []
        for hit in hits where passages.count < limit && seen.insert(hit.conversationID).inserted {
            let thread = try catalog.visibleThread(conversationID: hit.conversationID)
            var messages: [StoredMessage]
            if let node = hit.nodeID {
                var all = thread
                if !all.contains(where: { $0.nodeID == node }) { all = try catalog.allMessages(conversationID: hit.conversationID) }
                messages = ThreadWindow.around(node, in: all, before: neighbours, after: neighbours)
            } else {
                messages = Array(thread.filter { !$0.isHidden }.prefix(1 + neighbours))
            }
            messages = messages.filter { !($0.text ?? "").isEmpty }
            guard !messages.isEmpty else { continue }
            let anchor = hit.nodeID.flatMap { node in messages.first { $0.nodeID == node } }
            passages.append(RecallPassage(number: passages.count + 1, conversationID: hit.conversationID,
                                          title: hit.title?.isEmpty == false ? hit.title! : "(untitled)", project: hit.project,
                                          nodeID: anchor?.nodeID ?? messages.first?.nodeID,
                                          date: anchor?.createTime ?? hit.date ?? messages.first?.createTime, messages: messages))
        }
        return passages
    }

    /// A question is not a keyword query: besides the whole question (every word must appear), each of
    /// its words is searched alone and the rankings fused, so a message with most of the words still ranks.
    private func rankedHits(_ question: String, filter: SearchFilter) throws -> [SearchHit] {
        let words = QueryTerms(question).words
        var lists: [[SearchHit]] = [try search.search(question, mode: .hybrid, filter: filter)]
        if words.count > 1 {
            let fullText = FullTextSearch(connection: search.connection)
            for word in words.prefix(RecallRetriever.maxWords) {
                let terms = QueryTerms(word)
                if !terms.isEmpty { lists.append(try fullText.search(terms, filter: filter)) }
            }
        }
        return HybridRanker.fuse(lists, limit: filter.limit)
    }

    /// Words of a question searched one by one.
    static let maxWords = 8
}
