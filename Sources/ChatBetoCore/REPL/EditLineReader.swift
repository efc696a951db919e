import Foundation
internal import CEditLine
internal import CSystem

/// libedit line editing on a terminal: history (saved 0600), tab completion, Ctrl-C abandons the line.
public final class EditLineReader: LineReader {
    private let editLine: OpaquePointer
    private let history: OpaquePointer
    private let historyPath: String?
    private var currentPrompt = ""
    /// Candidates for completion of the word under the cursor, given the line before it.
    public var completer: ((_ lineBeforeCursor: String, _ word: String) -> [String])?
    /// Lines matching this are not kept in the history (secrets).
    public var historyFilter: ((String) -> Bool)?

    public init(programName: String, historyPath: String?) {
        if setlocale(LC_CTYPE, "") == nil { setlocale(LC_CTYPE, "C.UTF-8") }
        editLine = el_init(programName, chatbeto_stdin(), chatbeto_stdout(), chatbeto_stderr())
        history = chatbeto_history_init()
        self.historyPath = historyPath
        _ = chatbeto_history_set_size(history, 5000)
        _ = chatbeto_history_set_unique(history, 1)
        _ = chatbeto_el_set_history(editLine, history)
        _ = chatbeto_el_set_editor(editLine, "emacs")
        _ = chatbeto_el_set_signal(editLine, 1)
        _ = chatbeto_el_set_clientdata(editLine, Unmanaged.passUnretained(self).toOpaque())
        _ = chatbeto_el_set_prompt(editLine, editLinePrompt)
        _ = chatbeto_el_add_function(editLine, "chatbeto-complete", "complete a word", editLineComplete)
        _ = chatbeto_el_bind(editLine, "^I", "chatbeto-complete")
        _ = chatbeto_el_source_default(editLine)
        if let historyPath { _ = chatbeto_history_load(history, historyPath) }
        InterruptSignal.install()
    }

    /// Lines of a paste arrive together: more input is queued right after the first line.
    public func hasPendingInput(milliseconds: Int32) -> Bool {
        chatbeto_input_pending(Terminal.standardInput, milliseconds) == 1
    }

    deinit {
        saveHistory()
        history_end(history)
        el_end(editLine)
    }

    fileprivate var promptCString: UnsafeMutablePointer<CChar>?

    public func readLine(prompt: String) -> LineInput {
        currentPrompt = prompt
        free(promptCString)
        promptCString = strdup(prompt)
        InterruptSignal.install()
        InterruptSignal.clear()
        var count: Int32 = 0
        guard let raw = el_gets(editLine, &count) else {
            if InterruptSignal.isSet { InterruptSignal.clear(); _ = Console.standard.write("^C\n"); return .interrupted }
            return .end
        }
        if InterruptSignal.isSet && count <= 0 { InterruptSignal.clear(); return .interrupted }
        var line = String(cString: raw)
        if line.hasSuffix("\n") { line.removeLast() }
        return .line(line)
    }

    public func addHistory(_ line: String) {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty, historyFilter?(trimmed) ?? true else { return }
        _ = chatbeto_history_enter(history, trimmed)
        saveHistory()
    }

    private func saveHistory() {
        guard let historyPath else { return }
        let url = URL(fileURLWithPath: historyPath)
        try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        if !FileManager.default.fileExists(atPath: historyPath) {
            _ = FileManager.default.createFile(atPath: historyPath, contents: nil, attributes: [.posixPermissions: 0o600])
        }
        _ = chatbeto_history_save(history, historyPath)
        chmod(historyPath, 0o600)
    }

    fileprivate func complete() -> UInt8 {
        guard let info = el_line(editLine)?.pointee else { return UInt8(CC_ERROR) }
        let before = String(decoding: UnsafeRawBufferPointer(start: info.buffer, count: info.cursor - info.buffer), as: UTF8.self)
        let wordStart = before.lastIndex(where: { $0 == " " || $0 == "\t" }).map { before.index(after: $0) } ?? before.startIndex
        let word = String(before[wordStart...])
        let lineBefore = String(before[..<wordStart])
        let candidates = completer?(lineBefore, word) ?? []
        guard !candidates.isEmpty else { return UInt8(CC_REFRESH_BEEP) }
        let common = EditLineReader.commonPrefix(candidates)
        if common.count > word.count || candidates.count == 1 {
            el_deletestr(editLine, Int32(word.utf8.count))
            var insert = candidates.count == 1 ? candidates[0] : common
            if candidates.count == 1 { insert += " " }
            _ = insert.withCString { el_insertstr(editLine, $0) }
            return UInt8(CC_REFRESH)
        }
        // Several candidates and nothing more in common: list them under the line.
        _ = Console.standard.write("\n" + candidates.prefix(60).joined(separator: "  ") + "\n")
        return UInt8(CC_REDISPLAY)
    }

    static func commonPrefix(_ words: [String]) -> String {
        guard var prefix = words.first else { return "" }
        for w in words.dropFirst() {
            while !w.hasPrefix(prefix) { prefix.removeLast() }
        }
        return prefix
    }
}

private let editLinePrompt: @convention(c) (OpaquePointer?) -> UnsafePointer<CChar>? = { el in
    guard let el, let data = chatbeto_el_get_clientdata(el) else { return nil }
    let reader = Unmanaged<EditLineReader>.fromOpaque(data).takeUnretainedValue()
    return UnsafePointer(reader.promptCString)
}

private let editLineComplete: @convention(c) (OpaquePointer?, Int32) -> UInt8 = { el, _ in
    guard let el, let data = chatbeto_el_get_clientdata(el) else { return UInt8(CC_ERROR) }
    return Unmanaged<EditLineReader>.fromOpaque(data).takeUnretainedValue().complete()
}
