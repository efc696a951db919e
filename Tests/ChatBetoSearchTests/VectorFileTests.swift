import Foundation
import Testing
@testable import ChatBetoOpenAI
@testable import ChatBetoSearch
@testable import ChatBetoStore
import ChatBetoTestSupport
import Foundation

/// The memory-mapped vector file against a real MariaDB: whatever happened to the file (missing,
/// current, behind the table, truncated, damaged, out of step after a deletion), searching through it
/// gives exactly what reading every vector from `message_embeddings` gives.
@Suite(.serialized) final class VectorFileTests {
    let fake: FakeOpenAIServer
    let folder: URL
    let model = "text-embedding-3-small", dimensions = 48

    init() throws {
        fake = try FakeOpenAIServer()
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("chatbeto-vectors-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    var file: URL { folder.appendingPathComponent("vectors.f32") }

    func indexEverything(_ db: Database) throws {
        let embedder = OpenAIEmbedder(client: try OpenAIClient(config: fake.config()), model: model, dimensions: dimensions)
        let indexer = EmbeddingIndexer(connection: db.connection, model: model, dimensions: dimensions)
        _ = try indexer.execute(try indexer.plan(projectID: nil), embedder: embedder)
    }

    /// A new process's index: a fresh object over the file, refreshed once.
    func fromFile(_ db: Database) throws -> VectorIndex {
        let index = VectorIndex(model: model, dimensions: dimensions, file: file)
        try index.refresh(from: db.connection)
        return index
    }

    /// What the file must reproduce: every vector read from the table.
    func fromTable(_ db: Database) throws -> VectorIndex {
        let index = VectorIndex(model: model, dimensions: dimensions)
        try index.refresh(from: db.connection)
        return index
    }

    func query(_ seed: Int) -> [Float] {
        var x = UInt64(seed &* 2654435761 &+ 7)
        return (0..<dimensions).map { _ in x = x &* 6364136223846793005 &+ 1442695040888963407; return Float(Int64(bitPattern: x >> 11) % 2000 - 1000) / 1000 }
    }

    /// Same entries in the same order, and the same ranking with the same scores, filtered or not.
    func expectSameResults(_ mapped: VectorIndex, _ table: VectorIndex, _ db: Database,
                           sourceLocation: SourceLocation = #_sourceLocation) throws {
        #expect(mapped.count == table.count, sourceLocation: sourceLocation)
        #expect(mapped.entries == table.entries, sourceLocation: sourceLocation)
        #expect(mapped.lastID == table.lastID, sourceLocation: sourceLocation)
        for seed in 0..<5 {
            let q = query(seed)
            let a = mapped.nearest(to: q, k: table.count), b = table.nearest(to: q, k: table.count)
            #expect(a.map(\.index) == b.map(\.index), sourceLocation: sourceLocation)
            #expect(a.map(\.score) == b.map(\.score), sourceLocation: sourceLocation)
            let users = mapped.nearest(to: q, k: 3) { $0.role == "user" }, tableUsers = table.nearest(to: q, k: 3) { $0.role == "user" }
            #expect(users.map(\.index) == tableUsers.map(\.index), sourceLocation: sourceLocation)
            let hits = try SemanticSearch(connection: db.connection, index: mapped).search(queryVector: q, filter: SearchFilter(limit: 4))
            let tableHits = try SemanticSearch(connection: db.connection, index: table).search(queryVector: q, filter: SearchFilter(limit: 4))
            #expect(hits == tableHits, sourceLocation: sourceLocation)
        }
    }

    @Test func aNewProcessMapsTheFileAndFindsWhatTheTableGives() throws {
        let db = try TestServer.freshDatabase()
        try SearchFixture.load(db)
        try indexEverything(db)
        let first = try fromFile(db)
        #expect(first.lastFileAction == .rebuilt(reason: "no vector file yet"))
        #expect(first.lastLoad.rows == 9)
        #expect(FileManager.default.fileExists(atPath: file.path))
        try expectSameResults(first, try fromTable(db), db)

        let second = try fromFile(db)
        #expect(second.lastFileAction == .mapped)
        #expect(second.lastLoad.rows == 0)
        try expectSameResults(second, try fromTable(db), db)
        // Refreshing with nothing new reads nothing and keeps the mapping.
        try second.refresh(from: db.connection)
        #expect(second.lastFileAction == .none)
        #expect(second.lastLoad.rows == 0)
    }

    @Test func newEmbeddingsExtendTheFile() throws {
        let db = try TestServer.freshDatabase()
        try SearchFixture.load(db)
        try indexEverything(db)
        let before = try fromFile(db)
        try SearchFixture.conversation(db, id: "c-nuevo", title: "Nuevo", project: nil, created: "2024-09-01 10:00:00", messages: [
            .init(node: "n1", parent: nil, role: "user", text: "¿Qué tal el tiempo en Oporto?", time: "2024-09-01 10:00:00"),
            .init(node: "n2", parent: "n1", role: "assistant", text: "Lluvioso en invierno, soleado en verano.", time: "2024-09-01 10:00:04"),
        ])
        try indexEverything(db)
        // The process that already had the file mapped tops it up too.
        try before.refresh(from: db.connection)
        #expect(before.lastFileAction == .extended(rows: 2))
        try expectSameResults(before, try fromTable(db), db)

        let later = try fromFile(db)
        #expect(later.lastFileAction == .mapped)
        #expect(later.count == 11)
        try expectSameResults(later, try fromTable(db), db)
    }

    @Test func aMissingTruncatedOrDamagedFileIsRebuilt() throws {
        let db = try TestServer.freshDatabase()
        try SearchFixture.load(db)
        try indexEverything(db)
        _ = try fromFile(db)

        try FileManager.default.removeItem(at: file)
        let afterDelete = try fromFile(db)
        #expect(afterDelete.lastFileAction == .rebuilt(reason: "no vector file yet"))
        try expectSameResults(afterDelete, try fromTable(db), db)

        let whole = try Data(contentsOf: file)
        try whole.prefix(whole.count - 100).write(to: file)
        let afterTruncation = try fromFile(db)
        guard case .rebuilt(let why) = afterTruncation.lastFileAction else {
            Issue.record("a truncated file was used: \(afterTruncation.lastFileAction)"); return
        }
        #expect(why.contains("bytes where its header expects"))
        try expectSameResults(afterTruncation, try fromTable(db), db)

        // One flipped bit in the middle of the vectors.
        var damaged = try Data(contentsOf: file)
        damaged[VectorFile.headerSize + dimensions * 4 * 3 + 5] ^= 0x10
        try damaged.write(to: file)
        let afterDamage = try fromFile(db)
        #expect(afterDamage.lastFileAction == .rebuilt(reason: "damaged contents (checksum mismatch)"))
        try expectSameResults(afterDamage, try fromTable(db), db)

        // Garbage over the header.
        var garbled = try Data(contentsOf: file)
        garbled.replaceSubrange(0..<16, with: [UInt8](repeating: 0xAB, count: 16))
        try garbled.write(to: file)
        #expect(try fromFile(db).lastFileAction == .rebuilt(reason: "not a chatbeto vector file"))

        try Data().write(to: file)
        #expect(try fromFile(db).lastFileAction == .rebuilt(reason: "shorter than its header"))
        #expect(try fromFile(db).lastFileAction == .mapped)
    }

    @Test func deletedEmbeddingsPutTheFileOutOfStep() throws {
        let db = try TestServer.freshDatabase()
        try SearchFixture.load(db)
        try indexEverything(db)
        _ = try fromFile(db)
        // Deleting a conversation removes its embeddings (ON DELETE CASCADE); then one more is indexed,
        // so the highest id moves on while the count of older rows no longer matches.
        try db.connection.query("DELETE FROM conversations WHERE id = ?", [.text("c-cafe")])
        let afterDelete = try fromFile(db)
        #expect(afterDelete.lastFileAction == .rebuilt(reason: "out of step with message_embeddings"))
        #expect(afterDelete.entries.allSatisfy { $0.conversationID != "c-cafe" })
        try expectSameResults(afterDelete, try fromTable(db), db)

        try db.connection.query("DELETE FROM conversations WHERE id = ?", [.text("c-madrid")])
        try SearchFixture.conversation(db, id: "c-otra", title: "Otra", project: nil, created: "2024-10-01 10:00:00", messages: [
            .init(node: "o1", parent: nil, role: "user", text: "Una pregunta distinta", time: "2024-10-01 10:00:00"),
        ])
        try indexEverything(db)
        let afterBoth = try fromFile(db)
        #expect(afterBoth.lastFileAction == .rebuilt(reason: "out of step with message_embeddings"))
        try expectSameResults(afterBoth, try fromTable(db), db)
    }

    @Test func aFileForAnotherModelIsNotUsed() throws {
        let db = try TestServer.freshDatabase()
        try SearchFixture.load(db)
        try indexEverything(db)
        _ = try fromFile(db)
        let other = VectorIndex(model: "text-embedding-3-large", dimensions: dimensions, file: file)
        try other.refresh(from: db.connection)
        #expect(other.lastFileAction == .rebuilt(reason: "made for another model or dimension count"))
        #expect(other.count == 0)
        #expect(VectorIndex.fileURL(home: folder, server: "root@localhost/a via /s", model: "org/model x", dimensions: 8).lastPathComponent
            .hasSuffix("-org_model_x-8.f32"))
    }

    @Test func aProjectScopeFollowsAConversationMovedAfterIndexing() throws {
        let db = try TestServer.freshDatabase()
        let projects = try SearchFixture.load(db)
        let viajes = projects["Viajes"]!, code = projects["Código"]!
        try indexEverything(db)
        let running = try fromTable(db)  // a session's index, loaded before the move
        _ = try fromFile(db)             // the file, written before the move
        // What a re-import (or moving it by hand) does: the conversation now belongs to another project.
        try db.connection.query("UPDATE conversations SET project_id = ? WHERE id = 'c-lisboa'", [.int(code)])
        let mapped = try fromFile(db)
        #expect(mapped.lastFileAction == .mapped, "a move adds no embeddings: the file stays as it is")
        for index in [running, mapped] {
            for seed in 0..<3 {
                let search = SemanticSearch(connection: db.connection, index: index)
                let inViajes = try search.search(queryVector: query(seed), filter: SearchFilter(projectID: viajes, limit: 20))
                #expect(Set(inViajes.map(\.conversationID)) == ["c-madrid"])
                let inCode = try search.search(queryVector: query(seed), filter: SearchFilter(projectID: code, limit: 20))
                #expect(Set(inCode.map(\.conversationID)) == ["c-python", "c-lisboa"])
                let everywhere = try search.search(queryVector: query(seed), filter: SearchFilter(limit: 20))
                #expect(Set(everywhere.map(\.conversationID)) == ["c-lisboa", "c-madrid", "c-python", "c-cafe"])
            }
        }
    }
}
