@testable import ChatBetoRender
@testable import ChatBetoSearch
import Testing

@Suite struct SearchListingTests {
    let hits = [
        SearchHit(conversationID: "c1", nodeID: "n1", title: "Viaje a Lisboa", project: "Viajes", role: "assistant",
                  date: "2024-03-02 09:00:05.000000", text: "Para un café excelente en Lisboa, prueba A Brasileira.", score: 2),
        SearchHit(conversationID: "c2", nodeID: nil, title: "Café con leche", project: nil, role: nil,
                  date: "2023-11-05 07:30:00.000000", text: "Café con leche", score: 1),
    ]

    @Test func goldenListingWithoutColours() {
        let text = SearchListing(hits: hits, words: ["cafe", "lisboa"], colors: .none).text(width: 60)
        #expect(text == """
            1. Viaje a Lisboa · Viajes · 2024-03-02 · assistant
               Para un **café** excelente en **Lisboa**, prueba A Brasileira.
            2. Café con leche · 2023-11-05 · title
               **Café** con leche

            """)
    }

    @Test func narrowListingCutsLongTitlesAndSnippets() {
        let long = SearchHit(conversationID: "c", nodeID: "n", title: String(repeating: "Título largo ", count: 10), project: "P",
                             role: "user", date: "2024-01-01", text: String(repeating: "palabra ", count: 40) + "café", score: 1)
        let text = SearchListing(hits: [long], words: ["cafe"], colors: .none).text(width: 40)
        let lines = text.split(separator: "\n").map(String.init)
        #expect(DisplayWidth.of(lines[0]) <= 40)
        #expect(lines[1].contains("**café**"))
    }

    @Test func rowsCarryPlainSnippetsAndNumbers() {
        let rows = SearchListing(hits: hits, words: ["cafe"], colors: .ansi).rows
        #expect(rows.rows.map { $0[0] } == [.int(1), .int(2)])
        #expect(rows.rows[1][5] == .text("title"))
        #expect(rows.rows[0][8] == .text("Para un café excelente en Lisboa, prueba A Brasileira."))
    }
}
