/// ANSI styling for terminal output. `Colors.none` returns text untouched, so renderers
/// can style unconditionally and tests compare plain strings.
public struct Colors: Sendable, Equatable {
    /// Whether escape sequences are emitted at all.
    public let isEnabled: Bool

    /// Styling that emits escape sequences.
    public static let ansi = Colors(isEnabled: true)
    /// Styling that leaves text unchanged.
    public static let none = Colors(isEnabled: false)

    /// Styling that emits escape sequences only when `isEnabled`.
    public init(isEnabled: Bool) { self.isEnabled = isEnabled }

    /// Colours for output written to `fd`: only when it is a terminal, `NO_COLOR` is unset
    /// (whatever its value, see no-color.org) and `TERM` is not `dumb`.
    public static func forTerminal(fd: Int32, environment: [String: String]) -> Colors {
        forTerminal(isTTY: Terminal.isTTY(fd), environment: environment)
    }

    /// The decision behind `forTerminal(fd:environment:)`, with the tty check already made.
    public static func forTerminal(isTTY: Bool, environment: [String: String]) -> Colors {
        guard isTTY, environment["NO_COLOR"] == nil, environment["TERM"] != "dumb" else { return .none }
        return .ansi
    }

    /// Bold text.
    public func bold(_ s: String) -> String { wrap(s, "1") }
    /// Dimmed text.
    public func dim(_ s: String) -> String { wrap(s, "2") }
    /// Italic text (shown as inverse or plain on terminals without italics).
    public func italic(_ s: String) -> String { wrap(s, "3") }
    /// Underlined text.
    public func underline(_ s: String) -> String { wrap(s, "4") }
    /// Red text.
    public func red(_ s: String) -> String { wrap(s, "31") }
    /// Green text.
    public func green(_ s: String) -> String { wrap(s, "32") }
    /// Yellow text.
    public func yellow(_ s: String) -> String { wrap(s, "33") }
    /// Blue text.
    public func blue(_ s: String) -> String { wrap(s, "34") }
    /// Magenta text.
    public func magenta(_ s: String) -> String { wrap(s, "35") }
    /// Cyan text.
    public func cyan(_ s: String) -> String { wrap(s, "36") }
    /// Grey text.
    public func gray(_ s: String) -> String { wrap(s, "90") }

    /// Struck-through text.
    public func strike(_ s: String) -> String { wrap(s, "9") }
    /// `s` with several SGR codes at once (`["1", "3"]` is bold italic), for styles that nest.
    public func styled(_ s: String, codes: [String]) -> String {
        codes.isEmpty ? s : wrap(s, codes.joined(separator: ";"))
    }

    /// `s` with every ANSI CSI sequence removed, for measuring styled text.
    public static func strip(_ s: String) -> String {
        var out = ""
        var scalars = s.unicodeScalars.makeIterator()
        while let c = scalars.next() {
            if c == "\u{1B}" {
                // Skip "ESC [" parameters up to and including the final byte (@ through ~).
                guard let next = scalars.next() else { break }
                if next != "[" { continue }
                while let p = scalars.next(), !(0x40...0x7E).contains(p.value) {}
                continue
            }
            out.unicodeScalars.append(c)
        }
        return out
    }

    private func wrap(_ s: String, _ code: String) -> String {
        guard isEnabled, !s.isEmpty else { return s }
        return "\u{1B}[\(code)m\(s)\u{1B}[0m"
    }
}
