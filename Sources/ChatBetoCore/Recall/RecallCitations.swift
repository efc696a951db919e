import Foundation

/// The `[n]` citations in an answer, checked against the passages that were sent.
enum RecallCitations {
    /// Every number cited as `[n]` (also in `[1][2]` and `[1, 2]`), in order of first appearance.
    static func numbers(in answer: String) -> [Int] {
        var seen: [Int] = []
        let pattern = try! NSRegularExpression(pattern: #"\[(\d{1,3}(?:\s*,\s*\d{1,3})*)\]"#)
        let range = NSRange(answer.startIndex..., in: answer)
        for match in pattern.matches(in: answer, range: range) {
            guard let r = Range(match.range(at: 1), in: answer) else { continue }
            for part in answer[r].split(separator: ",") {
                if let n = Int(part.trimmingCharacters(in: .whitespaces)), !seen.contains(n) { seen.append(n) }
            }
        }
        return seen
    }

    /// Cited numbers that name no passage (the model made them up).
    static func unknown(in answer: String, passages: Int) -> [Int] {
        numbers(in: answer).filter { $0 < 1 || $0 > passages }
    }
}
