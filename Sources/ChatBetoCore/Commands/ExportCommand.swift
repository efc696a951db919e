import ChatBetoExport
import ChatBetoImport
import ChatBetoRender
import ChatBetoSearch
import ChatBetoStore
import Foundation

/// `export <conversation|project>`: Markdown, a self-contained HTML page, or ChatGPT-shaped JSON.
public struct ExportCommand: ShellCommand, Equatable {
    public static let spec = CommandSpec(
        name: "export", usage: "export [<conversation>|N|<project>] [--format markdown|html|json] [--out PATH] [--all-branches] [--images-from EXPORT]",
        summary: "Export a conversation (to stdout, or --out FILE) or a project (to a folder, one file per conversation plus an index).",
        details: """
        export 3 --format html --out talk.html    the 3rd row of the last listing as a web page
        export 6f2a                                the conversation as Markdown on stdout
        export Wordpress --out wp/                 every conversation of the project, plus index.md
        --format json          ChatGPT's export shape ({id, title, mapping, current_node, …}) with the whole tree;
                               re-importing it leaves the store as it was
        --all-branches         Markdown and HTML: every branch (regenerations, edits), not only the visible thread
        --images-from EXPORT   HTML: embed each image attachment, read from the export zip, folder or Privacy Portal
                               container zip it was imported from (the store keeps where an image was, not its
                               bytes); one it lacks is named
        Without an argument: the current conversation. A project without --out goes to ./<project name>/.
        """, category: .data, ownsFormatOption: true)

    /// The formats `export --format` takes.
    public typealias Format = ExportFormat
    public var target: String?
    public var format: Format = .markdown
    public var out: String?
    public var allBranches = false
    /// `--images-from`: the export (zip, folder or container zip) whose image files HTML embeds.
    public var imagesFrom: String?

    /// `export` with these arguments, as its words would parse.
    public init(target: String?, format: Format = .markdown, out: String? = nil, allBranches: Bool = false) {
        self.target = target; self.format = format; self.out = out; self.allBranches = allBranches
    }
    /// Parses the words after `export` (see `spec`).
    public init(arguments: inout Arguments) throws {
        if let f = try arguments.option("--format") {
            let key = f.lowercased() == "md" ? "markdown" : f.lowercased()
            guard let parsed = Format(rawValue: key) else { throw arguments.usageError("--format takes markdown, html or json, not '\(f)'") }
            format = parsed
        }
        out = try arguments.option("--out")
        allBranches = arguments.flag("--all-branches")
        imagesFrom = try arguments.option("--images-from")
        if imagesFrom != nil, format != .html { throw arguments.usageError("--images-from is for --format html") }
        try arguments.requireCount(0...Int.max)
        target = arguments.positional.isEmpty ? nil : arguments.rest
    }

    /// Export a conversation (to stdout, or --out FILE) or a project (to a folder, one file per conversation plus an index).
    public func run(in context: CommandContext) throws -> CommandResult {
        let connection = try context.connection
        let images = try imagesFrom.map { try ExportAssets(UserPath.resolve($0)) }
        var missing = 0
        let result = try export(in: context, connection: connection, images: images, missing: &missing)
        if missing > 0, let imagesFrom {
            context.warn("\(missing) image\(missing == 1 ? " is" : "s are") not in \(imagesFrom); the page names \(missing == 1 ? "it" : "them")")
        }
        return result
    }

    func export(in context: CommandContext, connection: MySQLConnection, images: ExportAssets?, missing: inout Int) throws -> CommandResult {
        guard let target else {
            guard let current = context.state.conversation else {
                throw ParseError.usage(command: "export", problem: "no current conversation; name one", usage: Self.spec.usage)
            }
            return try exportConversation(current, connection: connection, images: images, missing: &missing)
        }
        do {
            return try exportConversation(try ConversationReference.resolve(target, in: context), connection: connection,
                                          images: images, missing: &missing)
        } catch LookupError.notFound(let kind, let key, let hint) {
            let project: Project
            do { project = try context.catalog.findProject(target) } catch LookupError.notFound where kind == "row" {
                // A row number that is no project either: say that the listing is shorter, not "no project".
                throw LookupError.notFound(kind: kind, key: key, hint: hint)
            }
            return try exportProject(project, connection: connection, images: images, missing: &missing)
        }
    }

    func render(_ c: ExportedConversation, images: ExportAssets? = nil, missing: inout Int) throws -> String {
        switch format {
        case .markdown: return MarkdownExport.render(c, allBranches: allBranches)
        case .html:
            let page = HTMLExport.page(c, allBranches: allBranches, images: images.map { assets in { assets.data(at: $0) } })
            missing += page.missingImages
            return page.html
        // JSON is for re-import: it always carries every node, or a round trip would lose branches.
        case .json: return try JSONExport.render(c, allBranches: true)
        }
    }

    func exportConversation(_ summary: ConversationSummary, connection: MySQLConnection, images: ExportAssets? = nil,
                            missing: inout Int) throws -> CommandResult {
        let text = try render(try ExportedConversation.load(summary, from: connection), images: images, missing: &missing)
        // Imported text reaches stdout escaped (a file gets the bytes as stored): JSON keeps its value.
        guard let out else { return .document(format == .json ? JSONText.escapingTerminalControls(text) : CellText.multiLine(text), data: nil) }
        try write(text, to: UserPath.resolve(out))
        return .message("wrote \(summary.displayTitle) to \(out)")
    }

    func exportProject(_ project: Project, connection: MySQLConnection, images: ExportAssets? = nil,
                       missing: inout Int) throws -> CommandResult {
        let folder = UserPath.resolve(out ?? ExportCommand.slug(project.name), isDirectory: true)
        do { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) } catch {
            throw SearchError.exportTarget(path: folder.path, problem: error.localizedDescription)
        }
        let ids = try connection.query(SQL.Export.projectConversations(projectID: project.id)).rows.compactMap { $0[0].textValue }
        let catalog = Catalog(connection: connection)
        var written: [(file: String, summary: ConversationSummary)] = []
        for id in ids {
            guard let summary = try catalog.conversation(id: id) else { continue }
            let file = ExportCommand.fileName(summary, extension: format.fileExtension)
            try write(try render(try ExportedConversation.load(summary, from: connection), images: images, missing: &missing),
                      to: folder.appendingPathComponent(file))
            written.append((file, summary))
        }
        let index = ExportIndex.render(project: project.name, entries: written, format: format)
        try write(index, to: folder.appendingPathComponent("index." + format.fileExtension))
        return .message("wrote \(written.count) conversation\(written.count == 1 ? "" : "s") of '\(project.name)' and an index to \(folder.path)")
    }

    func write(_ text: String, to url: URL) throws {
        do { try Data(text.utf8).write(to: url, options: .atomic) } catch {
            throw SearchError.exportTarget(path: url.path, problem: error.localizedDescription)
        }
    }

    /// `2024-05-01-planning-the-trip-6f2a1b2c.md`: sortable, readable, unique.
    static func fileName(_ c: ConversationSummary, extension ext: String) -> String {
        let day = c.createTime.map { String($0.prefix(10)) + "-" } ?? ""
        let title = slug(c.displayTitle)
        return day + String(title.prefix(60)) + "-" + String(c.id.prefix(8)) + "." + ext
    }

    /// Lower-case letters and digits (accents removed) joined by dashes.
    static func slug(_ s: String) -> String {
        let folded = s.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
        let words = folded.split { !($0.isASCII && ($0.isLetter || $0.isNumber)) }
        return words.isEmpty ? "conversation" : words.joined(separator: "-")
    }
}
