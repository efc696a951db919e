import Foundation

/// A byte scanner that cuts a conversations file into one JSON value per conversation while the file
/// streams through it in chunks, so the file is never held whole.
///
/// It tracks strings, escapes and nesting depth only; each cut value is parsed (and fully validated)
/// later. A top-level array yields its elements one by one. A top-level object (one conversation, or
/// a wrapper such as `{"conversations": [...]}`) is small in every ChatGPT export seen and is yielded
/// whole, unless `memberArray` names the member whose array is split instead (Grok's backend file).
struct ConversationSplitter {
    /// One value cut from the stream.
    enum Piece {
        /// An element of the top-level array (or of the `memberArray` member) and the byte offset where it starts.
        case element(Data, offset: Int)
        /// The whole top-level object.
        case document(Data)
        /// An element larger than the limit, skipped without being held: where it starts and its size.
        case oversized(offset: Int, bytes: Int)
    }

    /// The most bytes one value may take; a larger element is skipped (`oversized`), a larger
    /// top-level object is an error. Bounds what one conversation can cost in memory.
    var maxValueBytes = ImportLimits.maxConversationBytes
    /// When set, a top-level object is not one value: the array under this key is split element by
    /// element as a top-level array is, and the object's other members are skipped without being held.
    var memberArray: String?
    private var oversized = false

    /// A structural problem at a byte offset; the caller adds the file name.
    struct Failure: Error {
        let offset: Int
        let reason: String
        /// When the file ends inside an element: its number (1-based), where it starts and its first bytes.
        var openElement: (number: Int, offset: Int, head: Data)?
    }

    private enum State {
        case start            // before the top-level value
        case arrayExpectValue(first: Bool)
        case arrayAfterValue
        case inElement
        case inDocument
        // A top-level object read for its `memberArray`:
        case objectExpectKey(first: Bool)
        case inKey
        case objectExpectColon
        case objectExpectValue
        case skipNested       // inside an object or array member value that is skipped
        case skipString       // inside a string member value that is skipped
        case skipScalar       // inside a number, true, false or null member value
        case objectAfterValue
        case done
    }

    private var state = State.start
    private var depth = 0
    private var inString = false
    private var escaped = false
    private var pending = Data()
    private var elementStart = 0
    private var key: [UInt8] = []
    private var inMember = false
    private var memberFound = false
    /// Elements started so far.
    private(set) var elements = 0
    /// Bytes consumed so far.
    private(set) var offset = 0

    /// Scans one chunk, calling `emit` for each complete value.
    mutating func feed(_ chunk: UnsafeRawBufferPointer, _ emit: (Piece) throws -> Void) throws {
        let count = chunk.count
        var i = 0
        var copyFrom = 0  // start of the bytes in this chunk that belong to the current value
        while i < count {
            let b = chunk[i]
            switch state {
            case .inElement, .inDocument, .skipNested, .skipString:
                if inString {
                    skipStringBytes(chunk, &i)
                    if !inString, case .skipString = state { state = .objectAfterValue }
                    continue
                }
                switch b {
                case 0x22: inString = true
                case 0x7B, 0x5B: depth += 1
                case 0x7D, 0x5D:
                    depth -= 1
                    if depth == 0 {
                        if case .skipNested = state { state = .objectAfterValue; i += 1; continue }
                        if oversized || pending.count + (i - copyFrom + 1) > maxValueBytes {
                            pending = Data()
                            oversized = false
                            if case .inDocument = state {
                                throw Failure(offset: 0, reason: "the JSON object is larger than the \(maxValueBytes >> 20) MB one conversation may take")
                            }
                            state = .arrayAfterValue
                            try emit(.oversized(offset: elementStart, bytes: offset + i + 1 - elementStart))
                            i += 1
                            continue
                        }
                        pending.append(UnsafeRawBufferPointer(rebasing: chunk[copyFrom...i]).bindMemory(to: UInt8.self))
                        let data = pending
                        pending = Data()
                        if case .inDocument = state {
                            state = .done
                            try emit(.document(data))
                        } else {
                            state = .arrayAfterValue
                            try emit(.element(data, offset: elementStart))
                        }
                    }
                default: break
                }
                i += 1
            case .start:
                if isSpace(b) || (offset + i < 3 && (b == 0xEF || b == 0xBB || b == 0xBF)) { i += 1; continue }
                if b == 0x5B { state = .arrayExpectValue(first: true); i += 1; continue }
                if b == 0x7B, memberArray != nil { state = .objectExpectKey(first: true); i += 1; continue }
                if b == 0x7B { state = .inDocument; depth = 1; copyFrom = i; i += 1; continue }
                throw Failure(offset: offset + i, reason: "expected a JSON array or object of conversations, found \(describe(b))")
            case .arrayExpectValue(let first):
                if isSpace(b) { i += 1; continue }
                if b == 0x5D && first { endArray(); i += 1; continue }
                if b == 0x7B {
                    state = .inElement; depth = 1; copyFrom = i; elementStart = offset + i; elements += 1; i += 1; continue
                }
                throw Failure(offset: offset + i, reason: "expected a conversation object, found \(describe(b))")
            case .arrayAfterValue:
                if isSpace(b) { i += 1; continue }
                if b == 0x2C { state = .arrayExpectValue(first: false); i += 1; continue }
                if b == 0x5D { endArray(); i += 1; continue }
                throw Failure(offset: offset + i, reason: "expected ',' or ']' after a conversation, found \(describe(b))")
            case .objectExpectKey(let first):
                if isSpace(b) { i += 1; continue }
                if b == 0x22 { state = .inKey; key = []; escaped = false; i += 1; continue }
                if b == 0x7D && first { state = .done; i += 1; continue }
                throw Failure(offset: offset + i, reason: "expected a member name in the JSON object, found \(describe(b))")
            case .inKey:
                if escaped { escaped = false } else if b == 0x5C { escaped = true } else if b == 0x22 { state = .objectExpectColon; i += 1; continue }
                if key.count < 256 { key.append(b) }
                i += 1
            case .objectExpectColon:
                if isSpace(b) { i += 1; continue }
                guard b == 0x3A else { throw Failure(offset: offset + i, reason: "expected ':' after a member name, found \(describe(b))") }
                state = .objectExpectValue
                i += 1
            case .objectExpectValue:
                if isSpace(b) { i += 1; continue }
                if b == 0x5B, !memberFound, key.elementsEqual((memberArray ?? "").utf8) {
                    memberFound = true
                    inMember = true
                    state = .arrayExpectValue(first: true)
                } else if b == 0x7B || b == 0x5B {
                    state = .skipNested; depth = 1
                } else if b == 0x22 {
                    state = .skipString; inString = true; escaped = false
                } else {
                    state = .skipScalar
                }
                i += 1
            case .skipScalar:
                if b == 0x2C { state = .objectExpectKey(first: false) } else if b == 0x7D { state = .done }
                i += 1
            case .objectAfterValue:
                if isSpace(b) { i += 1; continue }
                if b == 0x2C { state = .objectExpectKey(first: false); i += 1; continue }
                if b == 0x7D { state = .done; i += 1; continue }
                throw Failure(offset: offset + i, reason: "expected ',' or '}' after a member of the JSON object, found \(describe(b))")
            case .done:
                if isSpace(b) { i += 1; continue }
                throw Failure(offset: offset + i, reason: "unexpected \(describe(b)) after the end of the JSON value")
            }
        }
        switch state {
        case .inElement, .inDocument:
            if !oversized && pending.count + (count - copyFrom) > maxValueBytes {
                // Stop holding it: only its end is still looked for.
                oversized = true
                pending = Data()
            }
            if copyFrom < count && !oversized {
                pending.append(UnsafeRawBufferPointer(rebasing: chunk[copyFrom..<count]).bindMemory(to: UInt8.self))
            }
        default: break
        }
        offset += count
    }

    /// Checks that the stream ended after a complete value.
    func finish() throws {
        switch state {
        case .done:
            if let member = memberArray, !memberFound {
                throw Failure(offset: offset, reason: "the JSON object has no \"\(member)\" array")
            }
        case .start: throw Failure(offset: offset, reason: "the file is empty")
        case .inElement:
            throw Failure(offset: offset, reason: "the file ends inside element \(elements) of the array, which starts at byte \(elementStart) (truncated?)",
                          openElement: (elements, elementStart, pending.prefix(4096)))
        default: throw Failure(offset: offset, reason: "the file ends inside the JSON value (truncated?)")
        }
    }

    /// The closing `]` of the split array: the end of the file's value, or of the member.
    private mutating func endArray() {
        state = inMember ? .objectAfterValue : .done
        inMember = false
    }

    /// Advances `i` past the string bytes of this chunk, and past the closing quote when it is here.
    private mutating func skipStringBytes(_ chunk: UnsafeRawBufferPointer, _ i: inout Int) {
        let count = chunk.count
        while i < count {
            let c = chunk[i]
            if escaped { escaped = false } else if c == 0x5C { escaped = true } else if c == 0x22 { inString = false; break }
            i += 1
        }
        if i < count { i += 1 }
    }

    private func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 }

    private func describe(_ b: UInt8) -> String {
        if b >= 0x21 && b < 0x7F { return "'\(Character(Unicode.Scalar(b)))'" }
        return "byte 0x" + String(b, radix: 16)
    }
}
