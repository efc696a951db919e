@testable import ChatBetoOpenAI
import Testing

@Suite struct OpenAISSEParserTests {
    static let stream = """
        event: response.created
        data: {"type":"response.created","sequence_number":0}

        : keep-alive comment
        event: response.output_text.delta
        data: {"type":"response.output_text.delta","delta":"Grüße 👋"}

        data: first line
        data: second line

        event: response.completed
        data: {"type":"response.completed"}


        """

    static let expected = [
        SSEEvent(event: "response.created", data: #"{"type":"response.created","sequence_number":0}"#),
        SSEEvent(event: "response.output_text.delta", data: #"{"type":"response.output_text.delta","delta":"Grüße 👋"}"#),
        SSEEvent(event: "message", data: "first line\nsecond line"),
        SSEEvent(event: "response.completed", data: #"{"type":"response.completed"}"#),
    ]

    static func parseInPieces(_ bytes: [UInt8], cuts: [Int]) -> [SSEEvent] {
        var parser = SSEParser()
        var events: [SSEEvent] = []
        var start = 0
        for cut in cuts + [bytes.count] {
            events += parser.feed(bytes[start..<cut])
            start = cut
        }
        return events
    }

    @Test func wholeStreamInOneChunk() {
        #expect(Self.parseInPieces(Array(Self.stream.utf8), cuts: []) == Self.expected)
    }

    @Test func splitAtEveryByteOffsetGivesTheSameEvents() {
        for lineEnding in ["\n", "\r\n", "\r"] {
            let bytes = Array(Self.stream.replacingOccurrences(of: "\n", with: lineEnding).utf8)
            for cut in 0...bytes.count {
                #expect(Self.parseInPieces(bytes, cuts: [cut]) == Self.expected, "cut at \(cut), ending \(lineEnding.debugDescription)")
            }
        }
    }

    @Test func byteByByteFeeding() {
        let bytes = Array(Self.stream.replacingOccurrences(of: "\n", with: "\r\n").utf8)
        #expect(Self.parseInPieces(bytes, cuts: Array(1..<bytes.count)) == Self.expected)
    }

    @Test func crlfSplitBetweenCRAndLFIsOneLineEnd() {
        var parser = SSEParser()
        // Were the LF counted as a second line end, it would be a blank line and dispatch "a" alone.
        #expect(parser.feed(Array("data: a\r".utf8)).isEmpty)
        #expect(parser.feed(Array("\ndata: b\r\n\r\n".utf8)) == [SSEEvent(data: "a\nb")])
    }

    @Test func commentsAndBlankLinesAloneDispatchNothing() {
        var parser = SSEParser()
        #expect(parser.feed(Array(": ping\n\n:\n\n\n".utf8)).isEmpty)
    }

    @Test func eventWithoutTrailingBlankLineIsDiscardedAtEnd() {
        var parser = SSEParser()
        #expect(parser.feed(Array("event: x\ndata: partial\n".utf8)).isEmpty)
        parser.finish()
        #expect(parser.feed(Array("data: next\n\n".utf8)) == [SSEEvent(data: "next")])
    }

    @Test func fieldRulesFollowTheSpec() {
        var parser = SSEParser()
        let text = "\u{FEFF}data:no-space\nid: 7\nretry: 1500\nunknown: ignored\ndata\ndata:  two spaces\n\n"
        let events = parser.feed(Array(text.utf8))
        #expect(events == [SSEEvent(data: "no-space\n\n two spaces", id: "7")])
        #expect(parser.retryMilliseconds == 1500)
    }

    @Test func eventTypeResetsAfterDispatch() {
        var parser = SSEParser()
        let events = parser.feed(Array("event: error\ndata: {}\n\ndata: plain\n\n".utf8))
        #expect(events.map(\.event) == ["error", "message"])
    }
}
