@testable import ChatBetoSearch
import Testing

@Suite struct VectorIndexTests {
    func entry(_ i: Int, project: Int64? = nil) -> VectorIndex.Entry {
        .init(conversationID: "c\(i)", nodeID: "n\(i)", chunk: 0, projectID: project, role: "user", createTime: nil)
    }

    /// A deterministic pseudo-random vector.
    func vector(_ seed: Int, _ n: Int) -> [Float] {
        var x = UInt64(seed &* 2654435761 &+ 1)
        return (0..<n).map { _ in x = x &* 6364136223846793005 &+ 1442695040888963407; return Float(Int64(bitPattern: x >> 11) % 2000 - 1000) / 1000 }
    }

    @Test func simdDotMatchesScalarForAwkwardLengths() {
        for n in [1, 15, 16, 17, 63, 64, 65, 130, 512] {
            let a = vector(n, n), b = vector(n + 1, n)
            let scalar = zip(a, b).reduce(Float(0)) { $0 + $1.0 * $1.1 }
            #expect(abs(VectorIndex.dot(a, b) - scalar) < 1e-3, "n = \(n)")
        }
    }

    @Test func nearestIsTheBruteForceTopKByCosine() {
        let index = VectorIndex(model: "m", dimensions: 70)
        let vectors = (0..<300).map { vector($0, 70) }
        for (i, v) in vectors.enumerated() { index.append(v, entry: entry(i)) }
        let q = vector(1000, 70)
        func cosine(_ a: [Float], _ b: [Float]) -> Float {
            VectorIndex.dot(a, b) / (VectorIndex.dot(a, a).squareRoot() * VectorIndex.dot(b, b).squareRoot())
        }
        let expected = vectors.indices.sorted { cosine(q, vectors[$0]) > cosine(q, vectors[$1]) }.prefix(10)
        let got = index.nearest(to: q, k: 10)
        #expect(got.map(\.index) == Array(expected))
        #expect(abs(got[0].score - cosine(q, vectors[expected.first!])) < 1e-4)
    }

    @Test func identicalVectorScoresOneAndFiltersApplyBeforeRanking() {
        let index = VectorIndex(model: "m", dimensions: 32)
        for i in 0..<20 { index.append(vector(i, 32), entry: entry(i, project: Int64(i % 2))) }
        let exact = index.nearest(to: vector(7, 32).map { $0 * 3 }, k: 1)
        #expect(exact.first?.index == 7)
        #expect(abs(exact[0].score - 1) < 1e-5)
        let evenOnly = index.nearest(to: vector(7, 32), k: 5) { $0.projectID == 0 }
        #expect(evenOnly.count == 5)
        #expect(evenOnly.allSatisfy { $0.index % 2 == 0 })
    }

    @Test func blobsAreLittleEndianFloat32() {
        let v: [Float] = [1, -2.5, 0.125]
        let bytes = VectorIndex.encode(v)
        #expect(bytes.count == 12)
        #expect(Array(bytes[0..<4]) == [0x00, 0x00, 0x80, 0x3F])
        #expect(VectorIndex.decode(bytes) == v)
    }

    @Test func longTextIsChunkedAtBoundariesAndShortTextIsNot() {
        #expect(TextChunker.chunks("  hola  ") == ["hola"])
        let paragraph = String(repeating: "palabra ", count: 100)
        let chunks = TextChunker.chunks(paragraph + "\n\n" + paragraph, size: 900)
        #expect(chunks.count == 2)
        #expect(chunks.allSatisfy { $0.count <= 900 && !$0.hasPrefix(" ") })
        #expect(TextChunker.chunks(String(repeating: "x", count: 2500), size: 1000).map(\.count) == [1000, 1000, 500])
    }
}
