import ChatBetoRender
import Foundation
internal import CEditLine
internal import CChatBetoSystem

/// libedit line editing on a terminal: history (saved 0600), tab completion, Ctrl-C abandons the line.
/// Commands and chat messages have a history each: `historyPath`, and beside it `historyPath-chat`.
public final class EditLineReader: LineReader {
    private let editLine: OpaquePointer
    private let commandHistory: History
    private let chatHistory: History
    private var history: History
    private var currentPrompt = ""
    /// The statement lines typed before the current one (completion looks at the whole statement).
    private var pendingStatement = ""
    /// Candidates for completion of the word under the cursor, given the statement before it.
    public var completer: ((_ lineBefore: String, _ word: String) -> [Completion])?
    /// Lines matching this are not kept in the history (secrets).
    public var historyFilter: ((String) -> Bool)?

    /// libedit on the terminal, with its history in `historyPath` (none when nil).
    public init(programName: String, historyPath: String?) {
        if setlocale(LC_CTYPE, "") == nil { setlocale(LC_CTYPE, "C.UTF-8") }
        editLine = el_init(programName, chatbeto_stdin(), chatbeto_stdout(), chatbeto_stderr())
        commandHistory = History(path: historyPath)
        chatHistory = History(path: historyPath.map { $0 + "-chat" })
        history = commandHistory
        _ = chatbeto_el_set_history(editLine, history.handle)
        _ = chatbeto_el_set_editor(editLine, "emacs")
        _ = chatbeto_el_set_signal(editLine, 1)
        _ = chatbeto_el_set_clientdata(editLine, Unmanaged.passUnretained(self).toOpaque())
        _ = chatbeto_el_set_prompt(editLine, editLinePrompt)
        // Our own character reader: libedit's retries an interrupted read, which can swallow a Ctrl-C.
        _ = chatbeto_el_set_getcfn(editLine, editLineGetChar)
        _ = chatbeto_el_add_function(editLine, "chatbeto-complete", "complete a word", editLineComplete)
        _ = chatbeto_el_bind(editLine, "^I", "chatbeto-complete")
        _ = chatbeto_el_source_default(editLine)
        InterruptSignal.install()
    }

    /// Lines of a paste arrive together: more input is queued right after the first line.
    public func hasPendingInput(milliseconds: Int32) -> Bool {
        chatbeto_input_pending(Terminal.standardInput, milliseconds) == 1
    }

    deinit {
        commandHistory.save()
        chatHistory.save()
        el_end(editLine)
    }

    /// Switches Up/Down and the saved history between commands and chat messages.
    public func selectHistory(_ kind: HistoryKind) {
        let chosen = kind == .chat ? chatHistory : commandHistory
        guard chosen !== history else { return }
        history = chosen
        _ = chatbeto_el_set_history(editLine, history.handle)
    }

    /// The statement typed so far, which completion reads.
    public func setPendingStatement(_ text: String) { pendingStatement = text }

    fileprivate var promptCString: UnsafeMutablePointer<CChar>?

    /// Prompts and reads one line; Ctrl-C gives `.interrupted`, Ctrl-D `.end`.
    public func readLine(prompt: String) -> LineInput {
        currentPrompt = prompt
        free(promptCString)
        promptCString = strdup(prompt)
        // Not cleared here: a Ctrl-C pressed just before the prompt appeared still abandons the line.
        InterruptSignal.install()
        var count: Int32 = 0
        guard let raw = el_gets(editLine, &count) else {
            if InterruptSignal.isSet { InterruptSignal.clear(); _ = Console.standard.write("^C\n"); return .interrupted }
            return .end
        }
        // Ctrl-C with text typed: libedit hands back the partial line; it is abandoned, not run.
        if InterruptSignal.isSet { InterruptSignal.clear(); _ = Console.standard.write("^C\n"); return .interrupted }
        var line = String(cString: raw)
        if line.hasSuffix("\n") { line.removeLast() }
        return .line(line)
    }

    /// Keeps a line (or a whole multi-line statement, as one entry) unless the filter says it may hold a secret.
    public func addHistory(_ line: String) {
        let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty, historyFilter?(trimmed) ?? true else { return }
        history.add(trimmed)
    }

    fileprivate func complete() -> UInt8 {
        guard let info = el_line(editLine)?.pointee else { return UInt8(CC_ERROR) }
        let before = String(decoding: UnsafeRawBufferPointer(start: info.buffer, count: info.cursor - info.buffer), as: UTF8.self)
        let wordStart = EditLineReader.wordStart(in: before)
        let word = String(before[wordStart...])
        let lineBefore = (pendingStatement.isEmpty ? "" : pendingStatement + "\n") + String(before[..<wordStart])
        let candidates = completer?(lineBefore, word) ?? []
        guard !candidates.isEmpty else { return UInt8(CC_REFRESH_BEEP) }
        let common = EditLineReader.commonPrefix(candidates.map(\.text))
        if common.count > word.count || candidates.count == 1 {
            // libedit counts characters, not bytes.
            el_deletestr(editLine, Int32(word.unicodeScalars.count))
            var insert = candidates.count == 1 ? candidates[0].text : common
            if candidates.count == 1 && candidates[0].endsWord { insert += " " }
            _ = insert.withCString { el_insertstr(editLine, $0) }
            return UInt8(CC_REFRESH)
        }
        // Several candidates and nothing more in common: list them under the line.
        _ = Console.standard.write("\n" + EditLineReader.listing(candidates) + "\n")
        return UInt8(CC_REDISPLAY)
    }

    /// Candidates side by side, or one a line with their labels (conversation titles) beside them.
    static func listing(_ candidates: [Completion]) -> String {
        let shown = candidates.prefix(60)
        guard shown.contains(where: { $0.label != nil }) else { return shown.map(\.text).joined(separator: "  ") }
        let width = shown.map(\.text.count).max() ?? 0
        let columns = max(40, Terminal.columns())
        return shown.map { c in
            let pad = String(repeating: " ", count: width - c.text.count)
            let label = c.label.map { DisplayWidth.truncate($0, to: max(10, columns - width - 3)) } ?? ""
            return c.text + pad + "  " + label
        }.joined(separator: "\n")
    }

    /// Where the word under the cursor starts: after the last space that is not escaped with `\`.
    static func wordStart(in text: String) -> String.Index {
        var start = text.startIndex
        var escaped = false
        var i = text.startIndex
        while i < text.endIndex {
            let c = text[i]
            let next = text.index(after: i)
            if escaped { escaped = false } else if c == "\\" { escaped = true } else if c == " " || c == "\t" || c == "\n" { start = next }
            i = next
        }
        return start
    }

    /// Reads one character for libedit: -1 on Ctrl-C (el_gets then returns NULL), 0 at end of input.
    fileprivate func readCharacter(_ out: UnsafeMutablePointer<wchar_t>) -> Int32 {
        var bytes: [UInt8] = []
        var needed = 1
        while bytes.count < needed {
            if InterruptSignal.isSet { return -1 }
            var fds = pollfd(fd: 0, events: Int16(POLLIN), revents: 0)
            let ready = poll(&fds, 1, 100)
            if ready < 0 { if errno == EINTR { continue } else { return -1 } }
            if ready == 0 { continue }
            // Non-blocking: a Ctrl-C between poll and read flushes the input, and the signal may be
            // handled on another thread, so a blocking read would wait for the next key press.
            var byte: UInt8 = 0
            let flags = fcntl(0, F_GETFL)
            _ = fcntl(0, F_SETFL, flags | O_NONBLOCK)
            let n = read(0, &byte, 1)
            _ = fcntl(0, F_SETFL, flags)
            if n == 0 { return 0 }
            if n < 0 { if errno == EINTR || errno == EAGAIN { continue } else { return -1 } }
            if bytes.isEmpty {
                needed = byte < 0x80 ? 1 : byte >> 5 == 0b110 ? 2 : byte >> 4 == 0b1110 ? 3 : byte >> 3 == 0b11110 ? 4 : 1
            }
            bytes.append(byte)
        }
        let scalar = String(decoding: bytes, as: UTF8.self).unicodeScalars.first?.value ?? 0xFFFD
        out.pointee = wchar_t(bitPattern: scalar)
        return 1
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

private let editLineGetChar: @convention(c) (OpaquePointer?, UnsafeMutablePointer<wchar_t>?) -> Int32 = { el, out in
    guard let el, let out, let data = chatbeto_el_get_clientdata(el) else { return -1 }
    return Unmanaged<EditLineReader>.fromOpaque(data).takeUnretainedValue().readCharacter(out)
}

private let editLineComplete: @convention(c) (OpaquePointer?, Int32) -> UInt8 = { el, _ in
    guard let el, let data = chatbeto_el_get_clientdata(el) else { return UInt8(CC_ERROR) }
    return Unmanaged<EditLineReader>.fromOpaque(data).takeUnretainedValue().complete()
}

/// One libedit history: its handle, the file it is kept in (0600), saved after each entry.
private final class History {
    let handle: OpaquePointer
    private let path: String?

    init(path: String?) {
        handle = chatbeto_history_init()
        self.path = path
        _ = chatbeto_history_set_size(handle, 5000)
        _ = chatbeto_history_set_unique(handle, 1)
        if let path { _ = chatbeto_history_load(handle, path) }
    }

    deinit { history_end(handle) }

    func add(_ entry: String) {
        _ = chatbeto_history_enter(handle, entry)
        save()
    }

    func save() {
        guard let path else { return }
        let url = URL(fileURLWithPath: path)
        try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        if !FileManager.default.fileExists(atPath: path) {
            _ = FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600])
        }
        _ = chatbeto_history_save(handle, path)
        chmod(path, 0o600)
    }
}
