@testable import ChatBetoImport
import Testing

/// The planner's side of an export holding a conversation more than once: which copies the stored
/// conversation holds besides its own hash, so that importing the same export again finds them all unchanged.
struct ImportPlannerCopiesTests {
    @Test func aCopyWrittenOverInTheSameRunIsRememberedAndThenUnchanged() {
        var planner = ImportPlanner(existing: [:])
        #expect(planner.plan(id: "c", contentHash: "h1") == .insert)
        #expect(planner.noteCopy(id: "c", contentHash: "h1").isEmpty)
        #expect(planner.plan(id: "c", contentHash: "h2") == .update)
        #expect(planner.noteCopy(id: "c", contentHash: "h2") == ["h1"])
        // A third copy with the first one's bytes is already held.
        #expect(planner.plan(id: "c", contentHash: "h1") == .unchanged)
        #expect(planner.noteCopy(id: "c", contentHash: "h1").isEmpty)
    }

    @Test func heldCopiesAreKnownToTheReaderAndUnchanged() {
        var planner = ImportPlanner(existing: ["c": .init(contentHash: "h2", origin: "import")], heldCopies: ["c": ["h1"]])
        #expect(planner.knownHashes == ["h1": "c", "h2": "c"])
        #expect(planner.plan(id: "c", contentHash: "h1") == .unchanged)
        #expect(planner.noteCopy(id: "c", contentHash: "h1").isEmpty, "already remembered")
        #expect(planner.plan(id: "c", contentHash: "h3") == .update)
    }

    @Test func aStoredCopyReadAfterAnEarlierCopyChangedTheConversationIsRemembered() {
        // Stored as h2; the export holds h1 first (merged), then h2 (unchanged by its bytes).
        var planner = ImportPlanner(existing: ["c": .init(contentHash: "h2", origin: "import")])
        #expect(planner.plan(id: "c", contentHash: "h1") == .update)
        #expect(planner.noteCopy(id: "c", contentHash: "h1").isEmpty)
        #expect(planner.noteCopy(id: "c", contentHash: "h2") == ["h2"])
    }

    @Test func aLeftOutCopyIsRememberedAndARewrittenRowGetsItsCopiesBack() {
        var planner = ImportPlanner(existing: [:])
        _ = planner.plan(id: "c", contentHash: "h1")
        _ = planner.noteCopy(id: "c", contentHash: "h1")
        _ = planner.plan(id: "c", contentHash: "h3")
        #expect(planner.noteCopy(id: "c", contentHash: "h3", rewritten: true) == ["h1"])
        // An older copy, left out: the conversation's hash stays h3.
        #expect(planner.noteCopy(id: "c", contentHash: "h0") == ["h0"])
        _ = planner.plan(id: "c", contentHash: "h4")
        #expect(planner.noteCopy(id: "c", contentHash: "h4", rewritten: true) == ["h1", "h3", "h0"])
    }
}
