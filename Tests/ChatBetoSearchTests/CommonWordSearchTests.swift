import Testing
@testable import ChatBetoOpenAI
@testable import ChatBetoSearch
@testable import ChatBetoStore
import ChatBetoTestSupport
import Foundation

/// Words found in most messages are checked on the candidates instead of being required from the
/// index (or, when every word is that common, the newest messages are checked): the hits must be
/// exactly those holding every word, as when every word was required.
@Suite struct CommonWordSearchTests {
    /// 300 messages that all hold "común" and "número"; every 50th also "rarísimo", every 7th "extraño".
    func load(_ db: Database) throws {
        let messages = (0..<300).map { i in
            SearchFixture.Message(node: "x\(i)", parent: i == 0 ? nil : "x\(i - 1)", role: i % 2 == 0 ? "user" : "assistant",
                                  text: "Una palabra común, el número \(i)" + (i % 50 == 0 ? " y algo rarísimo" : "")
                                      + (i % 7 == 0 ? " muy extraño" : ""),
                                  time: String(format: "2024-01-01 %02d:%02d:00", i / 60, i % 60))
        }
        try SearchFixture.conversation(db, id: "c-comun", title: "Números", project: nil, created: "2024-01-01 00:00:00", messages: messages)
    }

    func nodes(_ db: Database, _ words: String, limit: Int = 100) throws -> Set<String> {
        Set(try FullTextSearch(connection: db.connection).messageHits(QueryTerms(words), filter: SearchFilter(limit: limit)).compactMap(\.nodeID))
    }

    @Test func aRareWordWithCommonOnesFindsExactlyTheMessagesHoldingAll() throws {
        let db = try TestServer.freshDatabase()
        try load(db)
        let rare = Set(stride(from: 0, to: 300, by: 50).map { "x\($0)" })
        #expect(try nodes(db, "común rarísimo") == rare)
        #expect(try nodes(db, "rarísimo común número") == rare)
        // The last word is also a prefix, common or not.
        #expect(try nodes(db, "rarísimo comú") == rare)
        #expect(try nodes(db, "común raris") == rare)
        // x0 and x150 hold both (multiples of 50 and of 7: 0, 350…; 150 is not): only x0.
        #expect(try nodes(db, "rarísimo extraño") == ["x0"])
    }

    @Test func onlyCommonWordsGiveNewestMessagesHoldingThemAll() throws {
        let db = try TestServer.freshDatabase()
        try load(db)
        let hits = try FullTextSearch(connection: db.connection).messageHits(QueryTerms("común extraño"), filter: SearchFilter(limit: 20))
        #expect(hits.count == 20)
        #expect(hits.allSatisfy { $0.text.contains("común") && $0.text.contains("extraño") })
        #expect(try nodes(db, "común extraño", limit: 1000) == Set(stride(from: 0, to: 300, by: 7).map { "x\($0)" }))
        // Filters still apply.
        let users = try FullTextSearch(connection: db.connection)
            .messageHits(QueryTerms("numero comun"), filter: SearchFilter(role: "assistant", limit: 1000))
        #expect(users.count == 150)
        #expect(users.allSatisfy { $0.role == "assistant" })
    }

    @Test func wordsAreSplitAndFoldedAsTheIndexDoes() {
        #expect(WordSample.words("¿Dónde está user_id? CAFÉ, café-con-leche 2024") ==
                ["donde", "esta", "user_id", "cafe", "cafe", "con", "leche", "2024"])
        let sample = WordSample(texts: ["un café", "otro cafe", "nada"])
        #expect(abs(sample.share(of: "Café", prefix: false) - 2.0 / 3) < 1e-9)
        #expect(abs(sample.share(of: "caf", prefix: true) - 2.0 / 3) < 1e-9)
        // A word the sample lacks counts as half a message: rarer than any it holds.
        #expect(abs(sample.share(of: "caf", prefix: false) - 0.5 / 3) < 1e-9)
    }
}
