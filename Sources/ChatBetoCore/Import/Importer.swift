import Foundation

/// Imports a ChatGPT data export into the chatbeto database.
///
/// Each conversations file is written in one transaction, committed only after the whole file parsed,
/// so a bad file (or a killed import) leaves the database as it was before that file. A parser thread
/// feeds the writer, so parsing overlaps with the server's work. Unchanged conversations are
/// recognised by the hash of their bytes and skipped without parsing.
public final class Importer {
    private let connection: MySQLConnection

    private var cancellation: CancellationFlag?

    public init(connection: MySQLConnection) {
        self.connection = connection
    }

    /// The small demo export that ships with chatbeto (`import --demo`).
    public static var demoExport: URL? {
        Bundle.module.url(forResource: "demo-export", withExtension: "zip")
    }

    /// Imports `source` (export zip, export folder, or conversations JSON file) and reports what it did.
    /// Throws `ImportError` for problems that stop the import; files committed before it stay.
    /// `cancellation` (Ctrl-C) stops the import between conversations; the current file is rolled back.
    public func run(source: URL, options: ImportOptions = ImportOptions(), progress: ImportProgress? = nil,
                    cancellation: CancellationFlag? = nil) throws -> ImportReport {
        self.cancellation = cancellation
        defer { self.cancellation = nil }
        let started = Date()
        var report = ImportReport(source: source.path, dryRun: options.dryRun)
        let export = try ExportSource.open(source)
        let sidebar = try options.projectsFile.map { try SidebarProjects.load($0) }
        var planner = ImportPlanner(existing: try loadExisting())
        var knownProjects = Set(try connection.query(SQL.Import.knownProjects).rows.compactMap { $0.first?.textValue })
        var seenGizmos: Set<String> = []
        var importID: Int64?
        if !options.dryRun {
            importID = Int64(try connection.query(SQL.Import.start, [.text(String(source.path.prefix(1024)))]).lastInsertID)
        }
        let writer = options.dryRun ? nil : try ImportWriter(connection: connection)
        let reader = ConversationReader(source: export, knownHashes: planner.knownHashes)
        progress?.start(totalBytes: export.totalBytes)
        reader.start()
        defer { reader.queue.cancel(); progress?.finish() }

        func finishRecord(error: Error?) {
            report.bytes = report.files.reduce(0) { $0 + $1.bytes }
            report.elapsedSeconds = Date().timeIntervalSince(started)
            if let error { report.error = "\(error)" }
            if let importID { _ = try? connection.query(SQL.Import.finish, [.text(report.json), .int(importID)]) }
        }

        do {
            while let item = reader.queue.pop() {
                switch item {
                case .fileStarted(let file):
                    var fileReport = ImportReport.File(name: file.name, bytes: file.size, conversations: 0)
                    let body = {
                        try self.consume(file: file, reader: reader, planner: &planner, writer: writer, report: &report,
                                         knownProjects: &knownProjects, seenGizmos: &seenGizmos, fileReport: &fileReport,
                                         progress: progress)
                    }
                    do {
                        if options.dryRun { try body() } else { try connection.transaction(body) }
                    } catch {
                        writer?.discard()
                        throw error
                    }
                    report.files.append(fileReport)
                case .failed(let error):
                    throw error
                default:
                    continue
                }
            }
            report.projects = knownProjects.count
            report.gizmos = seenGizmos.count
            if let sidebar { report.projectsNamed = sidebar.projects.count }
            if !options.dryRun {
                try connection.transaction {
                    if let sidebar { try self.apply(sidebar) }
                    try self.nameProvisionalProjects()
                }
                if sidebar != nil {
                    report.projects = Int(try connection.queryOne(SQL.Import.projectCount)?["n"].int64Value ?? 0)
                }
            } else if let sidebar {
                report.projects = knownProjects.union(sidebar.projects.map(\.gizmoID)).count
            }
        } catch let error as ImportError {
            finishRecord(error: error)
            throw error
        } catch let error as StoreError {
            let wrapped = ImportError.database(file: report.files.last?.name, conversationID: nil, underlying: error)
            finishRecord(error: wrapped)
            throw wrapped
        }
        finishRecord(error: nil)
        return report
    }

    /// Consumes one file's items up to its end, writing each conversation.
    private func consume(file: ExportFile, reader: ConversationReader, planner: inout ImportPlanner, writer: ImportWriter?,
                         report: inout ImportReport, knownProjects: inout Set<String>, seenGizmos: inout Set<String>,
                         fileReport: inout ImportReport.File, progress: ImportProgress?) throws {
        while let item = reader.queue.pop() {
            if cancellation?.isCancelled == true { throw ImportError.interrupted(file: file.name) }
            switch item {
            case .conversation(let c, let done):
                let action = planner.plan(id: c.id, contentHash: c.contentHash)
                switch action {
                case .insert, .update:
                    do {
                        try writer?.write(c, update: action == .update)
                    } catch let error as StoreError {
                        throw ImportError.database(file: file.name, conversationID: c.id, underlying: error)
                    }
                    if action == .insert { report.conversationsNew += 1 } else { report.conversationsUpdated += 1 }
                    report.messages += c.messages.count
                    report.assets += c.assets.count
                    if let p = c.projectGizmoID, knownProjects.insert(p).inserted { report.projectsNew += 1 }
                    if let g = c.gizmoID, c.projectGizmoID == nil { seenGizmos.insert(g) }
                case .unchanged:
                    report.conversationsUnchanged += 1
                case .skipLocal:
                    report.skipped.append(ImportReport.Skip(conversationID: c.id, file: file.name, offset: 0,
                                                            reason: "a local conversation (origin 'local') has this id"))
                }
                fileReport.conversations += 1
                progress?.update(bytes: done, conversations: report.conversationsRead)
            case .unchanged(let done):
                report.conversationsUnchanged += 1
                fileReport.conversations += 1
                progress?.update(bytes: done, conversations: report.conversationsRead)
            case .skipped(let skip, let done):
                report.skipped.append(skip)
                fileReport.conversations += 1
                progress?.update(bytes: done, conversations: report.conversationsRead)
            case .fileFinished:
                try writer?.flush()
                return
            case .failed(let error):
                throw error
            case .fileStarted:
                continue
            }
        }
        throw ImportError.unreadable(path: file.name, reason: "the reader stopped before the end of the file")
    }

    private func loadExisting() throws -> [String: ImportPlanner.Existing] {
        var existing: [String: ImportPlanner.Existing] = [:]
        for row in try connection.query(SQL.Import.existingConversations).rows {
            guard let id = row[0].textValue else { continue }
            existing[id] = ImportPlanner.Existing(contentHash: row[1].textValue, origin: row[2].textValue ?? "import")
        }
        return existing
    }

    private func apply(_ sidebar: SidebarProjects) throws {
        for p in sidebar.projects {
            try connection.query(SQL.Import.upsertSidebarProject, [.text(p.gizmoID), .text(p.name), .optional(p.emoji), .optional(p.instructions)])
            try connection.query(SQL.Import.nameGizmo, [.text(p.name), .text(p.gizmoID), .text(p.name)])
        }
    }

    private func nameProvisionalProjects() throws {
        for row in try connection.query(SQL.Import.provisionalProjects).rows {
            guard let id = row[0].int64Value, let gizmo = row[1].textValue else { continue }
            let titles = try connection.query(SQL.Import.projectTitles, [.int(id)]).rows.compactMap { $0.first?.textValue }
            let name = ProjectNamer.name(titles: titles, gizmoID: gizmo)
            try connection.query(SQL.Import.setProvisionalName, [.text(name), .int(id), .text(name)])
        }
    }
}
