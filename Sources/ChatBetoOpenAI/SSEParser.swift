/// One dispatched server-sent event.
public struct SSEEvent: Sendable, Equatable {
    /// The `event:` field, or `"message"` when the event had none.
    public var event: String
    /// The `data:` lines joined with `\n`.
    public var data: String
    /// The last `id:` seen, if any.
    public var id: String?

    /// One server-sent event.
    public init(event: String = "message", data: String, id: String? = nil) {
        self.event = event; self.data = data; self.id = id
    }
}

/// Incremental parser for `text/event-stream` per the WHATWG HTML "server-sent events" rules.
/// Pure: feed it bytes in chunks of any size, split anywhere; it returns the events completed so far.
struct SSEParser: Sendable {
    private var line: [UInt8] = []
    private var lastWasCR = false
    private var atStart = true
    private var eventType = ""
    private var dataBuffer = ""
    private var hasData = false
    private var lastEventID: String?
    /// The reconnection time from a `retry:` field, in milliseconds, if the server sent one.
    public private(set) var retryMilliseconds: Int?

    /// A parser with nothing buffered.
    public init() {}

    /// Consumes `bytes` and returns every event whose terminating blank line was in them.
    public mutating func feed<Bytes: Sequence>(_ bytes: Bytes) -> [SSEEvent] where Bytes.Element == UInt8 {
        var events: [SSEEvent] = []
        for byte in bytes {
            if byte == 0x0A && lastWasCR { lastWasCR = false; continue }  // the LF of a CRLF
            lastWasCR = byte == 0x0D
            if byte == 0x0A || byte == 0x0D {
                if let event = processLine() { events.append(event) }
                line.removeAll(keepingCapacity: true)
            } else {
                line.append(byte)
            }
        }
        return events
    }

    /// Ends the stream: a final event without its blank line is discarded, as the spec requires.
    public mutating func finish() {
        line.removeAll(); eventType = ""; dataBuffer = ""; hasData = false; lastWasCR = false
    }

    private mutating func processLine() -> SSEEvent? {
        var bytes = line[...]
        if atStart {
            atStart = false
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        }
        if bytes.isEmpty { return dispatch() }
        if bytes.first == UInt8(ascii: ":") { return nil }  // comment
        let field: String
        let text: String
        if let colon = bytes.firstIndex(of: UInt8(ascii: ":")) {
            field = String(decoding: bytes[..<colon], as: UTF8.self)
            var rest = bytes[bytes.index(after: colon)...]
            if rest.first == UInt8(ascii: " ") { rest = rest.dropFirst() }
            text = String(decoding: rest, as: UTF8.self)
        } else {
            field = String(decoding: bytes, as: UTF8.self)
            text = ""
        }
        switch field {
        case "event": eventType = text
        case "data":
            if hasData { dataBuffer += "\n" }
            dataBuffer += text
            hasData = true
        case "id": if !text.contains("\0") { lastEventID = text }
        case "retry": if !text.isEmpty, text.allSatisfy(\.isASCII), let ms = Int(text) { retryMilliseconds = ms }
        default: break  // unknown fields are ignored
        }
        return nil
    }

    private mutating func dispatch() -> SSEEvent? {
        defer { eventType = ""; dataBuffer = ""; hasData = false }
        guard hasData else { return nil }
        return SSEEvent(event: eventType.isEmpty ? "message" : eventType, data: dataBuffer, id: lastEventID)
    }
}
