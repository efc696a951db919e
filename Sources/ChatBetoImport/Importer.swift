import ChatBetoStore
import ChatBetoSupport
import Foundation

/// Imports an export (of any format in `ExportFormats`) into the chatbeto database.
///
/// Conversations are committed in batches of a few megabytes of rows (`ImportLimits.commitBytes`), so a
/// killed or interrupted import loses at most the batch it was writing, and a transaction stays within
/// a cluster's write-set limit. Re-running resumes: committed conversations are recognised by the hash
/// of their bytes and skipped without parsing. A parser thread feeds the writer, so parsing overlaps
/// with the server's work.
public final class Importer {
    let connection: MySQLConnection

    private var cancellation: CancellationFlag?

    /// An importer writing to this connection's catalog.
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
    /// `cancellation` (Ctrl-C) stops the import between conversations; the current batch is rolled back.
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
        let lock = options.dryRun ? nil : try ImportLock.acquire(connection: connection, notice: notice, cancellation: cancellation)
        defer { lock?.release() }
        let existing = try loadExisting()
        var planner = ImportPlanner(existing: existing, heldCopies: try loadHeldCopies())
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
        let commitBytes = Importer.commitBytes(connection)
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
        // Conversations of the current file in batches already committed.
        var committedInFile = 0
        func stopped(_ error: ImportError, committed: ImportReport) -> ImportError {
            // The record counts only committed work: the batch being written is rolled back.
            report = committed
            report.failedFile = current?.name
            report.failedFileCommitted = current == nil ? nil : committedInFile
            let done = Set(report.files.map(\.name) + [current?.name].compactMap { $0 })
            report.unreadFiles = export.files.map(\.name).filter { !done.contains($0) }
            let wrapped = ImportError.stopped(error, committed: report.files.map(\.name), failed: report.failedFile,
                                              keptOfFailed: committedInFile, notRead: report.unreadFiles)
            finishRecord(error: wrapped)
            return wrapped
        }

        var committed = report
        do {
            while let item = reader.queue.pop() {
                switch item {
                case .fileStarted(let file):
                    current = file
                    committedInFile = 0
                    var fileReport = ImportReport.File(name: file.name, bytes: file.size, conversations: 0)
                    var fileDone = false
                    while !fileDone {
                        let body = {
                            try lock?.confirm()  // after a reconnect: still ours, or stop before writing
                            fileDone = try self.consume(file: file, reader: reader, planner: &planner, writer: writer, report: &report,
                                                        knownProjects: &knownProjects, seenGizmos: &seenGizmos, seenIDs: &seenIDs,
                                                        fileReport: &fileReport, progress: progress, commitBytes: commitBytes)
                        }
                        do {
                            if options.dryRun { try body() } else { try connection.transaction(body) }
                        } catch {
                            writer?.discard()
                            throw error
                        }
                        writer?.batchBytes = 0
                        committedInFile = fileReport.conversations
                        committed = report
                        try lock?.renew()
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
            // Only the export's own provider's conversations can be missing from it (a ChatGPT export says
            // nothing about the Claude conversations beside them).
            report.conversationsNotInExport = existing.filter {
                $0.value.origin == "import" && $0.value.provider == format.name && !seenIDs.contains($0.key)
            }.count
            if let sidebar { report.projectsNamed = sidebar.projects.count }
            if !options.dryRun {
                progress?.phase("naming projects", conversations: report.conversationsRead)
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
        progress?.finish(conversations: report.conversationsRead)
        finishRecord(error: nil)
        return report
    }

    /// Consumes one file's items, writing each conversation, up to the end of the file (true) or until the
    /// batch holds `commitBytes` of rows (false); the rows are flushed and the caller commits. The progress
    /// line names the phases after the last row is written: writing (the buffered rows), committing.
    private func consume(file: ExportFile, reader: ConversationReader, planner: inout ImportPlanner, writer: ImportWriter?,
                         report: inout ImportReport, knownProjects: inout Set<String>, seenGizmos: inout Set<String>,
                         seenIDs: inout Set<String>, fileReport: inout ImportReport.File, progress: ImportProgress?,
                         commitBytes: Int) throws -> Bool {
        func endBatch() throws {
            progress?.phase("writing", conversations: report.conversationsRead)
            try writer?.flush()
            progress?.phase("committing", conversations: report.conversationsRead)
        }
        while let item = reader.queue.pop() {
            if cancellation?.isCancelled == true { throw ImportError.interrupted(file: file.name) }
            switch item {
            case .conversation(let c, let done):
                seenIDs.insert(c.id)
                // FORMAT-claude.md: of a conversation the export holds twice, the later copy is kept.
                var replaces: ImportPlanner.Copy?
                if c.provider == "claude" {
                    guard case .write(let earlier) = try weigh(c, file: file.name, planner: &planner, writer: writer,
                                                               report: &report) else {
                        fileReport.conversations += 1
                        progress?.update(bytes: done, conversations: report.conversationsRead)
                        continue
                    }
                    replaces = earlier
                }
                var action = planner.plan(id: c.id, contentHash: c.contentHash)
                if let earlier = replaces {
                    // The earlier copy was written by this run: the later one takes its place whole (nothing
                    // stored before is touched); it counts once, as new.
                    action = .insert
                    report.messages -= earlier.messages
                    report.repairs.removeAll { $0.conversationID == c.id }
                }
                switch action {
                case .insert, .update:
                    do {
                        if replaces != nil { try writer?.replace(c) } else { try writer?.write(c, update: action == .update) }
                    } catch let error as StoreError {
                        throw ImportError.database(file: file.name, conversationID: c.id, underlying: error)
                    }
                    if action == .insert { report.conversationsNew += 1 } else { report.conversationsUpdated += 1 }
                    report.messages += c.messages.count
                    report.assets += c.assets.count
                    if c.assets.isEmpty, c.messages.allSatisfy({ ($0.text ?? "").isEmpty }) { report.conversationsWithoutContent += 1 }
                    if let p = c.projectGizmoID, knownProjects.insert(p).inserted { report.projectsNew += 1 }
                    if let g = c.gizmoID, c.projectGizmoID == nil { seenGizmos.insert(g) }
                    report.repairs += c.repairs.map { ImportReport.Repair(conversationID: c.id, nodeID: $0.nodeID, file: file.name, problem: $0.problem) }
                case .unchanged:
                    report.conversationsUnchanged += 1
                case .skipLocal:
                    report.skipped.append(ImportReport.Skip(conversationID: c.id, file: file.name, offset: 0,
                                                            reason: "a local conversation (origin 'local') has this id"))
                }
                if action != .skipLocal {
                    try remember(planner.noteCopy(id: c.id, contentHash: c.contentHash, rewritten: replaces != nil), of: c.id, writer: writer)
                }
                fileReport.conversations += 1
                progress?.update(bytes: done, conversations: report.conversationsRead)
                if let writer, writer.batchBytes >= commitBytes {
                    try endBatch()
                    return false
                }
            case .unchanged(let id, let hash, let done):
                if let id {
                    seenIDs.insert(id)
                    planner.noteUnchanged(id: id)
                    try remember(planner.noteCopy(id: id, contentHash: hash), of: id, writer: writer)
                }
                report.conversationsUnchanged += 1
                fileReport.conversations += 1
                progress?.update(bytes: done, conversations: report.conversationsRead)
            case .skipped(let skip, let done):
                if let id = skip.conversationID { seenIDs.insert(id) }
                report.skipped.append(skip)
                fileReport.conversations += 1
                progress?.update(bytes: done, conversations: report.conversationsRead)
            case .progress(let done):
                progress?.update(bytes: done, conversations: report.conversationsRead)
            case .fileFinished:
                try endBatch()
                return true
            case .failed(let error):
                throw error
            case .fileStarted:
                continue
            }
        }
        throw ImportError.unreadable(path: file.name, reason: "the reader stopped before the end of the file")
    }

    /// Rows per committed batch: 4 MB, or a quarter of a Galera cluster's write-set limit when lower.
    static func commitBytes(_ connection: MySQLConnection) -> Int {
        let standard = 4 << 20
        guard let row = try? connection.queryOne(SQL.Import.maxWriteSet), row.int("wsrep") == 1,
              let limit = row.int("ws") else { return standard }
        return max(64 << 10, min(standard, Int(limit) / 4))
    }

    /// Copies of imported conversations earlier imports left out or wrote over, by conversation.
    private func loadHeldCopies() throws -> [String: Set<String>] {
        var held: [String: Set<String>] = [:]
        for row in try connection.query(SQL.Import.knownCopies).rows {
            if let id = row[0].textValue, let hash = row[1].textValue { held[id, default: []].insert(hash) }
        }
        return held
    }

    private func loadExisting() throws -> [String: ImportPlanner.Existing] {
        var existing: [String: ImportPlanner.Existing] = [:]
        for row in try connection.query(SQL.Import.existingConversations).rows {
            guard let id = row[0].textValue else { continue }
            existing[id] = ImportPlanner.Existing(contentHash: row[1].textValue, origin: row[2].textValue ?? "import",
                                                  provider: row[3].textValue ?? "chatgpt")
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
