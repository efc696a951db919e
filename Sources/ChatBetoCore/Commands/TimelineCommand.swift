import ChatBetoRender
import ChatBetoStore

/// `timeline <project>`: the project's history, conversations per month with their titles.
public struct TimelineCommand: ShellCommand, Equatable {
    public static let spec = CommandSpec(
        name: "timeline", usage: "timeline [<project>]",
        summary: "A project's conversations month by month, with a bar per month and the titles (numbered for show/open).",
        details: """
        timeline               the current project
        timeline Wordpress     that project
        --format json          [{month, id, title, create_time, messages}, …] (visible messages, as 'conversations' counts them)
        """, category: .browse)
    public var project: String?

    /// `timeline` with these arguments, as its words would parse.
    public init(project: String? = nil) { self.project = project }
    /// Parses the words after `timeline` (see `spec`).
    public init(arguments: inout Arguments) throws {
        try arguments.requireCount(0...Int.max)
        project = arguments.positional.isEmpty ? nil : arguments.rest
    }

    /// A project's conversations month by month, with a bar per month and the titles (numbered for show/open).
    public func run(in context: CommandContext) throws -> CommandResult {
        let catalog = try context.catalog
        guard let target = try project.map({ try catalog.findProject($0) }) ?? context.state.project else {
            throw ParseError.usage(command: "timeline", problem: "no current project; name one", usage: Self.spec.usage)
        }
        let rs = try catalog.connection.query(SQL.Stats.timeline(projectID: target.id))
        context.state.lastListing = rs.rows.compactMap { $0[1].textValue }.map { ListingEntry(conversationID: $0) }
        let text = TimelineCommand.text(rs, project: target.name, colors: context.colors)
        return .document(text, data: rs)
    }

    /// `2024-05  ███ 3` then the month's numbered titles.
    static func text(_ rs: ResultSet, project: String, colors: Colors) -> String {
        var months: [(String, [(Int, String, String)])] = []
        for (i, row) in rs.rows.enumerated() {
            let month = row[0].textValue ?? "undated"
            let entry = (i + 1, CellText.singleLine(row[2].textValue.flatMap { $0.isEmpty ? nil : $0 } ?? "(untitled)"), String((row[3].textValue ?? "").prefix(10)))
            if months.last?.0 == month { months[months.count - 1].1.append(entry) } else { months.append((month, [entry])) }
        }
        let widest = months.map(\.1.count).max() ?? 0
        let number = String(rs.rows.count).count
        var out = colors.bold("\(CellText.singleLine(project)): \(rs.rows.count) conversation\(rs.rows.count == 1 ? "" : "s")") + "\n"
        for (month, entries) in months {
            let bar = String(repeating: "█", count: max(1, entries.count * 20 / max(widest, 1)))
            out += "\n" + colors.bold(month) + "  " + colors.cyan(bar) + " \(entries.count)\n"
            for (n, title, day) in entries {
                out += "  " + DisplayWidth.pad(String(n), to: number, alignment: .right) + ". " + colors.dim(day) + "  " + title + "\n"
            }
        }
        return out
    }
}
