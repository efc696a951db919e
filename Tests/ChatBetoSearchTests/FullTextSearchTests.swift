@testable import ChatBetoSearch
@testable import ChatBetoStore
import ChatBetoTestSupport
import Testing

@Suite struct FullTextSearchTests {
    func search(_ db: Database, _ words: String, _ filter: SearchFilter = SearchFilter()) throws -> [SearchHit] {
        try FullTextSearch(connection: db.connection).search(QueryTerms(words), filter: filter)
    }

    @Test func unaccentedWordsFindAccentedText() throws {
        let db = try TestServer.freshDatabase()
        try SearchFixture.load(db)
        let hits = try search(db, "cafe lisboa")
        #expect(hits.first?.conversationID == "c-lisboa")
        #expect(hits.compactMap(\.nodeID).sorted() == ["l1", "l2"])
        // And the other way round: "Código" project, "cortado" without accents typed with one.
        #expect(try search(db, "córtado").compactMap(\.nodeID).sorted() == ["k1", "k2"])
    }

    @Test func spanishStopWordsDoNotNarrowOrFloodResults() throws {
        let db = try TestServer.freshDatabase()
        try SearchFixture.load(db)
        // "el", "del", "y" are dropped: the query is museo + prado.
        let hits = try search(db, "el museo del Prado y")
        #expect(hits.compactMap(\.nodeID) == ["m1"])
    }

    @Test func codeSnippetsAreFoundByTheirIdentifiers() throws {
        let db = try TestServer.freshDatabase()
        try SearchFixture.load(db)
        let hits = try search(db, "operator.itemgetter")
        #expect(hits.compactMap(\.nodeID) == ["p3"])
        // Off-path branches are searchable too; hidden messages are not.
        let sorted = try search(db, "sorted", SearchFilter(role: "assistant"))
        #expect(Set(sorted.compactMap(\.nodeID)) == ["p2", "p3"])
        #expect(try search(db, "hidden instructions").isEmpty)
    }

    @Test func moreMatchesRankHigher() throws {
        let db = try TestServer.freshDatabase()
        try SearchFixture.load(db)
        // Only the café conversation holds both words.
        let hits = try search(db, "latte cortado")
        #expect(hits.first?.conversationID == "c-cafe")
        #expect(hits.first?.nodeID == "k1" || hits.first?.nodeID == "k2")
    }

    @Test func titlesMatchToo() throws {
        let db = try TestServer.freshDatabase()
        try SearchFixture.load(db)
        let hits = try search(db, "fin semana")
        #expect(hits.count == 1)
        #expect(hits[0].conversationID == "c-madrid")
        #expect(hits[0].nodeID == nil)
    }

    @Test func projectSinceAndRoleFiltersApply() throws {
        let db = try TestServer.freshDatabase()
        let projects = try SearchFixture.load(db)
        #expect(try search(db, "café", SearchFilter(projectID: projects["Código"])).isEmpty)
        #expect(try search(db, "latte", SearchFilter(projectID: projects["Viajes"])).isEmpty)
        #expect(try search(db, "cafe", SearchFilter(since: "2024-01-01")).allSatisfy { $0.conversationID == "c-lisboa" })
        #expect(try search(db, "lisboa", SearchFilter(role: "user")).compactMap(\.nodeID) == ["l1"])
        #expect(try search(db, "cafe", SearchFilter(limit: 1)).count == 1)
    }
}
