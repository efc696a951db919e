import ChatBetoStore
import ChatBetoSupport
import Foundation

/// Imports an export (of any format in `ExportFormats`) into the chatbeto database.
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

    /// Imports `source` (export zip, export folder, or conversations JSON file, in the format
    /// `options.source` names or else the one its content shows) and reports what it did.
    /// Throws `ImportError` for problems that stop the import; files committed before it stay.
    /// `cancellation` (Ctrl-C) stops the import between conversations; the current file is rolled back.
    public func run(source: URL, options: ImportOptions = ImportOptions(), progress: ImportProgress? = nil,
                    cancellation: CancellationFlag? = nil, notice: ((String) -> Void)? = nil) throws -> ImportReport {
        self.cancellation = cancellation
        defer { self.cancellation = nil }
        let started = Date()
        var report = ImportReport(source: source.path, dryRun: options.dryRun)
        let (format, export) = try ExportFormats.open(source, forced: options.source)
        report.format = format.name
        report.notes = export.notes
        let sidebar = try options.projectsFile.map { try SidebarProjects.load($0) }
        // One import at a time per database: the state it plans from must not change under it.
        let lock = options.dryRun ? nil : try ImportLock.acquire(connection: connection, notice: notice)
        defer { lock?.release() }
        let existing = try loadExisting()
        var planner = ImportPlanner(existing: existing)
        var knownProjects = Set(try connection.query(SQL.Import.knownProjects).rows.compactMap { $0.first?.textValue })
        var seenGizmos: Set<String> = []
        var seenIDs: Set<String> = []
        var importID: Int64?
        if !options.dryRun {
            importID = Int64(try connection.query(SQL.Import.start(source: String(source.path.prefix(1024)))).lastInsertID)
        }
        let packet = (try? connection.queryOne(SQL.Import.maxAllowedPacket))?["packet"].int64Value.map(Int.init)
        let limits = options.limits ?? ImportLimits.forServer(maxAllowedPacket: packet)
        let batchBytes = min(8 << 20, max(1 << 20, (packet ?? (64 << 20)) / 4))
        let writer = options.dryRun ? nil : try ImportWriter(connection: connection, maxBatchBytes: batchBytes)
        let reader = ConversationReader(source: export, knownHashes: planner.knownHashes, limits: limits)
        progress?.start(totalBytes: export.totalBytes)
        reader.start()
        defer { reader.queue.cancel(); progress?.finish() }

        func finishRecord(error: Error?) {
            report.bytes = report.files.reduce(0) { $0 + $1.bytes }
            report.elapsedSeconds = Date().timeIntervalSince(started)
            if let error { report.error = "\(error)" }
            if let importID { _ = try? connection.query(SQL.Import.finish(report: report.json, importID: importID)) }
        }
        var current: ExportFile?
        func stopped(_ error: ImportError, committed: ImportReport) -> ImportError {
            // The record counts only committed work: what the failed file did is rolled back.
            report = committed
            report.failedFile = current?.name
            let done = Set(report.files.map(\.name) + [current?.name].compactMap { $0 })
            report.unreadFiles = export.files.map(\.name).filter { !done.contains($0) }
            let wrapped = ImportError.stopped(error, committed: report.files.map(\.name), failed: report.failedFile,
                                              notRead: report.unreadFiles)
            finishRecord(error: wrapped)
            return wrapped
        }

        var committed = report
        do {
            while let item = reader.queue.pop() {
                switch item {
                case .fileStarted(let file):
                    current = file
                    var fileReport = ImportReport.File(name: file.name, bytes: file.size, conversations: 0)
                    let body = {
                        try self.consume(file: file, reader: reader, planner: &planner, writer: writer, report: &report,
                                         knownProjects: &knownProjects, seenGizmos: &seenGizmos, seenIDs: &seenIDs,
                                         fileReport: &fileReport, progress: progress)
                    }
                    do {
                        if options.dryRun { try body() } else { try connection.transaction(body) }
                    } catch {
                        writer?.discard()
                        throw error
                    }
                    report.files.append(fileReport)
                    current = nil
                    committed = report
                case .failed(let error):
                    throw error
                default:
                    continue
                }
            }
            // Notes the format learned while reading (Gemini's grouping), and projects listed apart from conversations.
            report.notes = export.notes
            for p in export.projects where knownProjects.insert(p.externalID).inserted { report.projectsNew += 1 }
            report.projects = knownProjects.count
            report.gizmos = seenGizmos.count
            report.conversationsNotInExport = existing.filter { $0.value.origin == "import" && !seenIDs.contains($0.key) }.count
            if let sidebar { report.projectsNamed = sidebar.projects.count }
            if !options.dryRun {
                try connection.transaction {
                    for p in export.projects { try writer?.write(p) }
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
            throw stopped(error, committed: committed)
        } catch let error as StoreError {
            throw stopped(ImportError.database(file: current?.name ?? report.files.last?.name, conversationID: nil, underlying: error),
                          committed: committed)
        }
        finishRecord(error: nil)
        return report
    }

    /// Consumes one file's items up to its end, writing each conversation.
    private func consume(file: ExportFile, reader: ConversationReader, planner: inout ImportPlanner, writer: ImportWriter?,
                         report: inout ImportReport, knownProjects: inout Set<String>, seenGizmos: inout Set<String>,
                         seenIDs: inout Set<String>, fileReport: inout ImportReport.File, progress: ImportProgress?) throws {
        while let item = reader.queue.pop() {
            if cancellation?.isCancelled == true { throw ImportError.interrupted(file: file.name) }
            switch item {
            case .conversation(let c, let done):
                seenIDs.insert(c.id)
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
                    report.repairs += c.repairs.map { ImportReport.Repair(conversationID: c.id, nodeID: $0.nodeID, file: file.name, problem: $0.problem) }
                case .unchanged:
                    report.conversationsUnchanged += 1
                case .skipLocal:
                    report.skipped.append(ImportReport.Skip(conversationID: c.id, file: file.name, offset: 0,
                                                            reason: "a local conversation (origin 'local') has this id"))
                }
                fileReport.conversations += 1
                progress?.update(bytes: done, conversations: report.conversationsRead)
            case .unchanged(let id, let done):
                if let id { seenIDs.insert(id) }
                report.conversationsUnchanged += 1
                fileReport.conversations += 1
                progress?.update(bytes: done, conversations: report.conversationsRead)
            case .skipped(let skip, let done):
                if let id = skip.conversationID { seenIDs.insert(id) }
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
            try connection.query(SQL.Import.upsertSidebarProject(gizmoID: p.gizmoID, name: p.name, emoji: p.emoji, instructions: p.instructions))
            try connection.query(SQL.Import.nameGizmo(name: p.name, gizmoID: p.gizmoID))
        }
    }

    private func nameProvisionalProjects() throws {
        for row in try connection.query(SQL.Import.provisionalProjects).rows {
            guard let id = row[0].int64Value, let gizmo = row[1].textValue else { continue }
            let titles = try connection.query(SQL.Import.projectTitles(projectID: id)).rows.compactMap { $0.first?.textValue }
            let name = ProjectNamer.name(titles: titles, gizmoID: gizmo)
            try connection.query(SQL.Import.setProvisionalName(name: name, projectID: id))
        }
    }
}
