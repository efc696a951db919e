import ChatBetoStore
import Foundation

/// Turns a result set into text in one of the `OutputFormat`s.
///
/// Every non-empty output ends with a newline; a result without columns renders as the empty
/// string (JSON: `[]`). Messages such as "Empty set" or row counts are the caller's business.
public enum ResultRenderer {
    /// `result` in `format`. Colours apply to the human-facing formats (table, vertical) only;
    /// machine formats are never styled.
    /// `maxWidth` fits a table to the terminal (long cells end in `…`); the other formats keep every value whole.
    public static func render(_ result: ResultSet, format: OutputFormat, colors: Colors = .none, maxWidth: Int? = nil) -> String {
        var text = ""
        write(result, format: format, colors: colors, maxWidth: maxWidth) { text += $0 }
        return text
    }

    /// `render`'s text handed to `out` a row at a time, so output far larger than the result (a table
    /// padded to its widest cell) is never held whole.
    public static func write(_ result: ResultSet, format: OutputFormat, colors: Colors = .none, maxWidth: Int? = nil,
                             to out: (String) -> Void) {
        switch format {
        case .table: table(result, colors: colors, maxWidth: maxWidth, to: out)
        case .vertical: vertical(result, colors: colors, to: out)
        case .csv: csv(result, to: out)
        case .tsv: tsv(result, to: out)
        case .json: json(result, to: out)
        case .markdown: markdown(result, to: out)
        }
    }

    // MARK: table

    /// The `mysql` client's boxed table: numeric columns right-aligned, NULL as `NULL`,
    /// control characters escaped so each row stays on one line, widths in display columns; with
    /// `maxWidth`, long cells are cut with `…` so the table fits (`BoxTable`).
    static func table(_ result: ResultSet, colors: Colors, maxWidth: Int? = nil, to out: (String) -> Void) {
        guard !result.columns.isEmpty else { return }
        let cells: [[String?]] = result.rows.map { row in
            row.map { value in CellText.text(value).map(CellText.singleLine) }
        }
        BoxTable(headers: result.columns.map { CellText.singleLine($0.name) }, rows: cells,
                        rightAligned: result.columns.map(\.kind.isNumeric),
                        keepWhole: result.columns.map { $0.kind.isNumeric || $0.kind == .temporal })
            .write(maxWidth: maxWidth, colors: colors, to: out)
    }

    // MARK: vertical

    /// The `mysql` client's `\G` view: a star rule per row, then `name: value` lines with the
    /// names right-aligned to the longest. Values keep their newlines, as in `mysql`.
    static func vertical(_ result: ResultSet, colors: Colors, to out: (String) -> Void) {
        guard !result.columns.isEmpty else { return }
        let names = result.columns.map { CellText.singleLine($0.name) }
        let nameWidth = names.map(DisplayWidth.of).max() ?? 0
        for (number, row) in result.rows.enumerated() {
            var text = colors.dim("*************************** \(number + 1). row ***************************") + "\n"
            for (i, name) in names.enumerated() {
                let label = DisplayWidth.pad(name, to: nameWidth, alignment: .right)
                let value = i < row.count ? CellText.text(row[i]).map(CellText.multiLine) : nil
                text += colors.bold(label) + ": " + (value ?? colors.dim(CellText.nullText)) + "\n"
            }
            out(text)
        }
    }

    // MARK: csv

    /// RFC 4180: a header row, CRLF line ends, fields quoted when they hold a comma, quote,
    /// CR or LF (quotes doubled); NULL as an empty field. Other control characters (ESC, BEL, C1,
    /// bidirectional controls) are escaped as `\xHH` / `\uHHHH`, so a cell cannot drive a terminal.
    static func csv(_ result: ResultSet, to out: (String) -> Void) {
        guard !result.columns.isEmpty else { return }
        out(result.columns.map { csvField($0.name) }.joined(separator: ",") + "\r\n")
        for row in result.rows {
            out(row.map { CellText.text($0).map(csvField) ?? "" }.joined(separator: ",") + "\r\n")
        }
    }

    private static func csvField(_ raw: String) -> String {
        let s = CellText.escapingControls(raw, keeping: ["\n", "\r", "\t"])
        guard s.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else {
            return s
        }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    // MARK: tsv

    /// `mysql --batch` style: a header row, tab-separated fields, tab, newline, carriage
    /// return, NUL and backslash escaped (`\t`, `\n`, `\r`, `\0`, `\\`), NULL as `\N` so the output
    /// loads back with `LOAD DATA`; other control characters as `\xHH` / `\uHHHH` (see `csv`).
    static func tsv(_ result: ResultSet, to out: (String) -> Void) {
        guard !result.columns.isEmpty else { return }
        out(result.columns.map { tsvField($0.name) }.joined(separator: "\t") + "\n")
        for row in result.rows {
            out(row.map { CellText.text($0).map(tsvField) ?? "\\N" }.joined(separator: "\t") + "\n")
        }
    }

    private static func tsvField(_ raw: String) -> String {
        let s = CellText.escapingControls(raw, keeping: ["\t", "\n", "\r", "\0"])
        guard s.unicodeScalars.contains(where: { $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\\" || $0 == "\0" }) else {
            return s
        }
        var out = ""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\t": out.append("\\t")
            case "\n": out.append("\\n")
            case "\r": out.append("\\r")
            case "\\": out.append("\\\\")
            case "\0": out.append("\\0")
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    // MARK: json

    /// An array of objects keyed by column name in column order, without spaces. Numbers stay
    /// numbers (an integer, real or decimal value, or numeric text in a numeric column), NULL is
    /// `null`, blobs are UTF-8 text when valid and base64 otherwise, everything else a string.
    static func json(_ result: ResultSet, to out: (String) -> Void) {
        out("[")
        for r in result.rows.indices { out((r > 0 ? "," : "") + jsonObject(result, row: r)) }
        out("]\n")
    }

    /// One row as a JSON object keyed by column name, as in `json`.
    public static func jsonObject(_ result: ResultSet, row r: Int) -> String {
        let row = result.rows[r]
        var out = "{"
        for (i, column) in result.columns.enumerated() {
            if i > 0 { out += "," }
            out += JSONText.quoted(column.name) + ":"
            out += jsonValue(i < row.count ? row[i] : .null, kind: column.kind)
        }
        return out + "}"
    }

    private static func jsonValue(_ value: SQLValue, kind: ColumnKind) -> String {
        switch value {
        case .null:
            return "null"
        case .int(let n):
            return JSONText.number(n)
        case .double(let d):
            return JSONText.number(d)
        case .decimal(let s):
            return JSONText.isNumber(s) ? s : JSONText.quoted(s)
        case .text(let s):
            return kind.isNumeric && JSONText.isNumber(s) ? s : JSONText.quoted(s)
        case .temporal(let s):
            return JSONText.quoted(s)
        case .blob(let bytes):
            if let s = String(bytes: bytes, encoding: .utf8) { return JSONText.quoted(s) }
            return JSONText.quoted(Data(bytes).base64EncodedString())
        }
    }

    // MARK: markdown

    /// A GitHub table padded to display width: numeric columns right-aligned (`---:`),
    /// `|` escaped as `\|`, line breaks as `<br>`, other control characters escaped, NULL as `NULL`.
    static func markdown(_ result: ResultSet, to out: (String) -> Void) {
        guard !result.columns.isEmpty else { return }
        let headers = result.columns.map { markdownCell($0.name) }
        let cells: [[String]] = result.rows.map { row in
            result.columns.indices.map { i in
                markdownCell(i < row.count ? CellText.text(row[i]) ?? CellText.nullText : CellText.nullText)
            }
        }
        var widths = headers.map { max(3, DisplayWidth.of($0)) }
        for row in cells {
            for (i, cell) in row.enumerated() { widths[i] = max(widths[i], DisplayWidth.of(cell)) }
        }
        let rightAligned = result.columns.map(\.kind.isNumeric)
        func line(_ row: [String]) -> String {
            "|" + row.enumerated().map { i, cell in
                " " + DisplayWidth.pad(cell, to: widths[i], alignment: rightAligned[i] ? .right : .left) + " |"
            }.joined() + "\n"
        }
        out(line(headers))
        out("|" + widths.indices.map { i in
            rightAligned[i]
                ? " " + String(repeating: "-", count: widths[i] - 1) + ": |"
                : " " + String(repeating: "-", count: widths[i]) + " |"
        }.joined() + "\n")
        for row in cells { out(line(row)) }
    }

    private static func markdownCell(_ s: String) -> String {
        let joined = s.replacingOccurrences(of: "\r\n", with: "<br>")
            .replacingOccurrences(of: "\n", with: "<br>")
            .replacingOccurrences(of: "\r", with: "<br>")
            .replacingOccurrences(of: "|", with: "\\|")
        return CellText.singleLine(joined)
    }
}
