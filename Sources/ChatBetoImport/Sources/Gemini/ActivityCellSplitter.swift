import Foundation

/// A byte scanner that cuts Takeout's activity page (`MyActivity.html`) into its records while the page
/// streams through it in chunks, so the page is never held whole. A record is what follows one
/// `class="outer-cell` up to the end of that `div`, or up to the next record when its `div`s do not
/// balance. Text between tags is skipped with `memchr`; only tags are looked at: `div`s opening and
/// closing, and `</html>`, which a complete page has after its last record. A page that ends inside a
/// record, or after one without `</html>`, is a `Failure` (it was cut short).
struct ActivityCellSplitter: ValueSplitter {
    /// The most bytes one record may take; a larger one is `oversized`, skipped without being held.
    var maxValueBytes = ImportLimits.maxConversationBytes
    /// Bytes consumed so far.
    private(set) var offset = 0
    /// Records started so far.
    private(set) var records = 0

    private static let marker = Array("class=\"outer-cell".utf8)
    /// The marker's KMP failure function: the longest proper border of each of its prefixes.
    private static let borders: [Int] = {
        var table = [Int](repeating: 0, count: marker.count)
        var k = 0
        for q in 1..<marker.count {
            while k > 0 && marker[q] != marker[k] { k = table[k - 1] }
            if marker[q] == marker[k] { k += 1 }
            table[q] = k
        }
        return table
    }()

    private enum State {
        case text      // between tags
        case tagName   // just after '<'
        case tagRest   // past the tag's name, up to its '>'
    }

    private var state = State.text
    private var quote: UInt8 = 0           // inside a quoted attribute value: its quote byte
    private var name: [UInt8] = []         // the tag's name so far, lowercased, at most 6 bytes
    private var matched = 0                // bytes of the marker matched so far, inside this tag
    private var inRecord = false
    private var depth = 0                  // `div`s open in the current record, its own included
    private var endsWithTag = false        // the current record ends with the tag being read
    private var pageEnded = false          // `</html` seen since the last record started
    private var oversized = false
    private var pending = Data()
    private var recordStart = 0

    /// Scans one chunk, calling `emit` for each complete record.
    mutating func feed(_ chunk: UnsafeRawBufferPointer, _ emit: (ConversationSplitter.Piece) throws -> Void) throws {
        let count = chunk.count
        guard let base = chunk.baseAddress, count > 0 else { return }
        var i = 0
        var copyFrom = 0  // start of the bytes in this chunk that belong to the current record
        while i < count {
            if case .text = state {
                guard let lt = memchr(base + i, 0x3C, count - i) else { break }
                i = base.distance(to: UnsafeRawPointer(lt)) + 1
                state = .tagName
                name.removeAll(keepingCapacity: true)
                matched = 0
                quote = 0
                continue
            }
            let b = chunk[i]
            while matched > 0 && b != Self.marker[matched] { matched = Self.borders[matched - 1] }
            if b == Self.marker[matched] { matched += 1 }
            if matched == Self.marker.count {
                matched = 0
                // The record before, still open, ends where the marker starts.
                if inRecord { try end(chunk, copyFrom: copyFrom, through: i, dropping: Self.marker.count, emit) }
                inRecord = true
                records += 1
                recordStart = offset + i + 1
                copyFrom = i + 1
                depth = 1
                endsWithTag = false
                pageEnded = false
                i += 1
                continue
            }
            if case .tagName = state {
                if name.count < 6, b == 0x2F || b == 0x21 || (0x30...0x39).contains(b) || (0x41...0x5A).contains(b) || (0x61...0x7A).contains(b) {
                    name.append((0x41...0x5A).contains(b) ? b | 0x20 : b)
                    i += 1
                    continue
                }
                tagNamed()
                state = .tagRest
            }
            if quote != 0 {
                if b == quote { quote = 0 }
            } else if b == 0x22 || b == 0x27 {
                quote = b
            } else if b == 0x3E {
                state = .text
                if endsWithTag {
                    try end(chunk, copyFrom: copyFrom, through: i, dropping: 0, emit)
                    copyFrom = i + 1
                }
            }
            i += 1
        }
        if inRecord && !oversized {
            if pending.count + (count - copyFrom) > maxValueBytes {
                // Stop holding it: only its end is still looked for.
                oversized = true
                pending = Data()
            } else if copyFrom < count {
                pending.append(UnsafeRawBufferPointer(rebasing: chunk[copyFrom..<count]).bindMemory(to: UInt8.self))
            }
        }
        offset += count
    }

    /// Checks that the page ended after a complete record and its `</html>`.
    func finish() throws {
        if inRecord {
            throw ConversationSplitter.Failure(offset: offset, reason: "the file ends inside activity record \(records), which starts at byte \(recordStart) (truncated?)",
                                               openElement: (records, recordStart, pending.prefix(4096)))
        }
        if records > 0 && !pageEnded {
            throw ConversationSplitter.Failure(offset: offset, reason: "the file ends after activity record \(records), without the page's closing </html> (truncated?)")
        }
    }

    /// The tag's name is read: a `div` opens or closes, the page ends.
    private mutating func tagNamed() {
        switch name {
        case [0x64, 0x69, 0x76]:  // div
            if inRecord { depth += 1 }
        case [0x2F, 0x64, 0x69, 0x76]:  // /div
            if inRecord {
                depth -= 1
                if depth == 0 { endsWithTag = true }
            }
        case [0x2F, 0x68, 0x74, 0x6D, 0x6C]:  // /html
            pageEnded = true
            if inRecord { endsWithTag = true }
        default:
            break
        }
    }

    /// Emits the current record: its bytes up to byte `i` of `chunk`, less the last `dropping` (the next
    /// record's marker).
    private mutating func end(_ chunk: UnsafeRawBufferPointer, copyFrom: Int, through i: Int, dropping: Int,
                              _ emit: (ConversationSplitter.Piece) throws -> Void) throws {
        let size = offset + i + 1 - dropping - recordStart
        inRecord = false
        endsWithTag = false
        defer { pending = Data(); oversized = false }
        if oversized || size > maxValueBytes {
            try emit(.oversized(offset: recordStart, bytes: size))
            return
        }
        if copyFrom <= i {
            pending.append(UnsafeRawBufferPointer(rebasing: chunk[copyFrom...i]).bindMemory(to: UInt8.self))
        }
        try emit(.element(pending.prefix(size), offset: recordStart))
    }
}
