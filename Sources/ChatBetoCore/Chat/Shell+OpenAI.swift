import ChatBetoOpenAI
import ChatBetoRender
import Foundation

extension Shell {
    /// An OpenAI client from `OPENAI_API_KEY` / `OPENAI_BASE_URL`, with a visible retry countdown on a
    /// terminal and the wire trace under `--verbose` (the key masked). Throws `ChatError.noAPIKey`.
    public func openAIClient() throws -> OpenAIClient {
        guard let config = OpenAIConfig.fromEnvironment(openAIEnvironment) else { throw ChatError.noAPIKey }
        let console = self.console
        let countdown = Terminal.isTTY(Terminal.standardError)
        let verbose = options.verbose
        let onRetry: @Sendable (RetryNotice) -> Void = { notice in
            let seconds = Int(notice.remaining.rounded(.up))
            if countdown {
                console.writeError("\r\u{1B}[Kretrying in \(seconds)s (\(notice.reason), retry \(notice.attempt))…")
            } else if notice.remaining == notice.delay {
                console.writeError("note: \(notice.reason); retrying in \(String(format: "%.1f", notice.delay))s (retry \(notice.attempt))\n")
            }
        }
        let tracer: @Sendable (String) -> Void = { line in _ = console.writeError("openai: " + line + "\n") }
        let trace = verbose ? tracer : nil
        return try OpenAIClient(config: config, onRetry: onRetry, trace: trace)
    }

    /// Clears a retry countdown line left on the terminal.
    func clearStatusLine() {
        if Terminal.isTTY(Terminal.standardError) { console.writeError("\r\u{1B}[K") }
    }
}
