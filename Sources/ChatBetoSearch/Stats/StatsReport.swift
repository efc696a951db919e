import ChatBetoStore
import ChatBetoRender

/// Everything `stats` shows, read once and rendered as text (tables and charts) or as one JSON document.
public struct StatsReport {
    public var totals: ResultSet
    public var models: ResultSet
    public var perProject: ResultSet
    public var monthly: [(month: String, count: Int)]
    /// Per project and month, when asked for `--by project`.
    public var monthlyByProject: [String: [String: Int]]?
    /// Conversations and messages per provider, when asked for `--by provider`.
    public var perProvider: ResultSet?

    /// `provider` limits everything to that provider's conversations; `byProvider` adds the per-provider table.
    public static func load(from connection: MySQLConnection, byProject: Bool, provider: String? = nil,
                            byProvider: Bool = false) throws -> StatsReport {
        let monthly = try connection.query(SQL.Stats.monthly(provider: provider)).rows.map { ($0[0].textValue ?? "", Int($0[1].int64Value ?? 0)) }
        var series: [String: [String: Int]]?
        if byProject {
            var s: [String: [String: Int]] = [:]
            for row in try connection.query(SQL.Stats.monthlyByProject(provider: provider)).rows {
                s[row[0].textValue ?? "", default: [:]][row[1].textValue ?? ""] = Int(row[2].int64Value ?? 0)
            }
            series = s
        }
        return StatsReport(totals: try connection.query(SQL.Stats.totals(provider: provider)),
                           models: try connection.query(SQL.Stats.models(provider: provider)),
                           perProject: try connection.query(SQL.Stats.perProject(provider: provider)), monthly: monthly,
                           monthlyByProject: series, perProvider: byProvider ? try connection.query(SQL.Stats.perProvider) : nil)
    }

    /// Totals as `name  value` lines, the per-project table, models, then the activity chart(s).
    public func text(width: Int, colors: Colors = .none) -> String {
        var out = colors.bold("Totals") + "\n"
        if let row = totals.rows.first {
            let nameWidth = totals.columns.map { $0.name.count }.max() ?? 0
            for (i, c) in totals.columns.enumerated() {
                out += "  " + DisplayWidth.pad(c.name.replacingOccurrences(of: "_", with: " "), to: nameWidth) + "  "
                    + (row[i].textValue.map { c.kind == .temporal || $0.count > 19 ? String($0.prefix(19)) : $0 } ?? "-") + "\n"
            }
        }
        if !models.rows.isEmpty {
            out += "\n" + colors.bold("Models") + "\n" + ResultRenderer.render(models, format: .table, colors: colors, maxWidth: width)
        }
        if let perProvider, !perProvider.rows.isEmpty {
            out += "\n" + colors.bold("Per provider") + "\n" + ResultRenderer.render(perProvider, format: .table, colors: colors)
        }
        if !perProject.rows.isEmpty {
            out += "\n" + colors.bold("Per project") + "\n" + ResultRenderer.render(perProject, format: .table, colors: colors, maxWidth: width)
        }
        if let series = monthlyByProject {
            let names = perProject.rows.compactMap { $0[0].textValue.map(CellText.singleLine) }
            out += "\n" + colors.bold("Conversations started per month, by project") + "\n"
                + ProjectActivityChart.render(projects: names, series: series, width: width)
        } else if !monthly.isEmpty {
            out += "\n" + colors.bold("Conversations started per month") + "\n"
                + ActivityChart.render(months: monthly, width: width, colors: colors)
        }
        return out
    }

    /// `{"conversations":…,"messages":…,…,"models":[…],"per_project":[…],"activity":[…]}`.
    public var json: String {
        var out = totals.rows.isEmpty ? "{" : String(ResultRenderer.jsonObject(totals, row: 0).dropLast()) + ","
        out += "\"models\":" + array(models) + ",\"per_project\":" + array(perProject)
        if let perProvider { out += ",\"per_provider\":" + array(perProvider) }
        out += ",\"activity\":[" + monthly.map { "{\"month\":\(JSONText.quoted($0.month)),\"conversations\":\($0.count)}" }
            .joined(separator: ",") + "]"
        if let series = monthlyByProject {
            out += ",\"activity_by_project\":{" + series.keys.sorted().map { project in
                JSONText.quoted(project) + ":[" + series[project]!.sorted { $0.key < $1.key }
                    .map { "{\"month\":\(JSONText.quoted($0.key)),\"conversations\":\($0.value)}" }.joined(separator: ",") + "]"
            }.joined(separator: ",") + "}"
        }
        return out + "}\n"
    }

    private func array(_ rs: ResultSet) -> String {
        "[" + rs.rows.indices.map { ResultRenderer.jsonObject(rs, row: $0) }.joined(separator: ",") + "]"
    }
}
