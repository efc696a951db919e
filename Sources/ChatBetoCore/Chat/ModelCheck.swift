import ChatBetoOpenAI
import Foundation

/// Whether the chat model is one the server offers (`GET /v1/models`), checked on the first chat turn
/// of a session: a model that is not listed, or is past its `shutdown_date`, is refused before anything
/// is sent, with the closest listed chat model suggested.
enum ModelCheck {
    /// Why `model` cannot be used, or nil when it is listed and not shut down. `today` is `YYYY-MM-DD`.
    static func problem(model: String, listed: [ModelInfo], today: String) -> ChatError? {
        let usable = listed.filter { m in isChatModel(m.id) && !(m.shutdownDate.map { $0 <= today } ?? false) }
        if let m = listed.first(where: { $0.id == model }) {
            guard let date = m.shutdownDate, date <= today else { return nil }
            return .modelUnavailable(model: model, reason: "was shut down on \(date)", suggestion: closest(to: model, in: usable))
        }
        return .modelUnavailable(model: model, reason: "is not offered by the server", suggestion: closest(to: model, in: usable))
    }

    /// Today in UTC as `YYYY-MM-DD`, the form of `shutdown_date`.
    static func today(_ now: Date = Date()) -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "UTC")
        f.dateFormat = "yyyy-MM-dd"
        return f.string(from: now)
    }

    /// Models that answer chat turns (not embeddings, speech, images or moderation).
    static func isChatModel(_ id: String) -> Bool {
        let other = ["embedding", "tts", "whisper", "dall-e", "moderation", "image", "transcribe", "audio", "realtime", "search", "davinci", "babbage"]
        return !other.contains { id.contains($0) }
    }

    /// The listed model whose id is fewest edits away (ties: the shorter id).
    static func closest(to model: String, in models: [ModelInfo]) -> String? {
        models.map(\.id).min { a, b in
            let (da, db) = (distance(model, a), distance(model, b))
            return da != db ? da < db : (a.count != b.count ? a.count < b.count : a < b)
        }
    }

    /// Levenshtein distance.
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        var previous = Array(0...b.count)
        for i in 1...max(a.count, 1) where !a.isEmpty {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in stride(from: 1, through: b.count, by: 1) {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return a.isEmpty ? b.count : previous[b.count]
    }
}
