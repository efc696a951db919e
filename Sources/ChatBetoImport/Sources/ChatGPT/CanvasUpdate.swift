import Foundation

/// One canvas update as the canmore tool applies it: `pattern` is a Python regular
/// expression, `replacement` a `re.Match.expand` template (`\1`, `\g<name>`); `multiple` replaces every
/// match, else the first. The pattern `.*` rewrites the whole document.
enum CanvasUpdate {
    /// The text after the update; nil when the pattern is invalid or matches nothing (applying stops there).
    static func apply(pattern: String, replacement: String, multiple: Bool, to text: String) -> String? {
        if pattern == ".*" { return pythonUnescape(replacement) }
        let icuPattern = pattern.replacingOccurrences(of: "(?P<", with: "(?<").replacingOccurrences(of: "(?P=", with: "\\k<")
            .replacingOccurrences(of: #"\\k<([A-Za-z_][A-Za-z0-9_]*)\)"#, with: "\\\\k<$1>", options: .regularExpression)
        guard let regex = try? NSRegularExpression(pattern: icuPattern) else { return nil }
        let range = NSRange(text.startIndex..., in: text)
        let template = icuTemplate(replacement, groups: groupNumbers(icuPattern))
        if multiple {
            guard regex.firstMatch(in: text, range: range) != nil else { return nil }
            return regex.stringByReplacingMatches(in: text, range: range, withTemplate: template)
        }
        guard let match = regex.firstMatch(in: text, range: range), let r = Range(match.range, in: text) else { return nil }
        return text.replacingCharacters(in: r, with: regex.replacementString(for: match, in: text, offset: 0, template: template))
    }

    /// Python's template (`\1`, `\g<1>`, `\g<name>`, `\n`, `\\`) as ICU's (`$1`, `${name}`, a literal `$` escaped).
    static func icuTemplate(_ python: String, groups: [String: Int] = [:]) -> String {
        var out = ""
        var chars = Array(python)[...]
        while let c = chars.popFirst() {
            switch c {
            case "$": out += "\\$"
            case "\\":
                guard let next = chars.popFirst() else { out += "\\\\"; break }
                if next.isNumber {
                    var digits = String(next)
                    if let d = chars.first, d.isNumber { digits.append(d); chars.removeFirst() }
                    out += "$" + digits
                } else if next == "g", chars.first == "<", let close = chars.firstIndex(of: ">") {
                    let name = String(chars[chars.index(after: chars.startIndex)..<close])
                    chars = chars[chars.index(after: close)...]
                    out += name.allSatisfy(\.isNumber) ? "$" + name : groups[name].map { "$\($0)" } ?? ""
                } else if next == "\\" {
                    out += "\\\\"
                } else if let e = escape(next) {
                    out.append(e)
                } else {
                    out += "\\\\" + String(next)
                }
            default: out.append(c)
            }
        }
        return out
    }

    /// The number of each named group (`(?<name>…)`), counting capturing groups from the left.
    static func groupNumbers(_ pattern: String) -> [String: Int] {
        var numbers: [String: Int] = [:]
        var count = 0
        var chars = Array(pattern)[...]
        var inClass = false
        while let c = chars.popFirst() {
            if c == "\\" { _ = chars.popFirst(); continue }
            if inClass { if c == "]" { inClass = false }; continue }
            if c == "[" { inClass = true; continue }
            guard c == "(" else { continue }
            if chars.first != "?" { count += 1; continue }
            let rest = String(chars.prefix(40))
            if rest.hasPrefix("?<"), !rest.hasPrefix("?<="), !rest.hasPrefix("?<!"), let close = rest.firstIndex(of: ">") {
                count += 1
                numbers[String(rest[rest.index(rest.startIndex, offsetBy: 2)..<close])] = count
            }
        }
        return numbers
    }

    /// A Python template without groups, expanded (for `.*`, whose replacement is the whole new text).
    static func pythonUnescape(_ python: String) -> String {
        var out = ""
        var chars = Array(python)[...]
        while let c = chars.popFirst() {
            guard c == "\\", let next = chars.first, let e = escape(next) else { out.append(c); continue }
            chars.removeFirst()
            out.append(e)
        }
        return out
    }

    private static func escape(_ c: Character) -> Character? {
        switch c {
        case "n": return "\n"
        case "t": return "\t"
        case "r": return "\r"
        case "\\": return "\\"
        default: return nil
        }
    }
}
