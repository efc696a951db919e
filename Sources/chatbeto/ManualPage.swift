import ArgumentParser
import ChatBetoCore
import ChatBetoSupport
import Foundation

/// `chatbeto --generate-manual`: the man page (roff, man(7) macros), made from the same definitions as
/// `--help` and the shell's `help` — the options ArgumentParser renders and the shell's command table.
/// (ArgumentParser's generate-manual plugin needs `--experimental-dump-help`, which the passthrough
/// command argument takes for a shell command.)
enum ManualPage {
    static func render() -> String {
        let c = ChatBetoCommandLine.configuration
        var page = ".TH CHATBETO 1 \"\" \"chatbeto \(ChatBeto.version)\" \"User Commands\"\n"
        page += ".SH NAME\nchatbeto \\- " + escape(c.abstract) + "\n"
        page += ".SH SYNOPSIS\n.B chatbeto\n[\\fIoptions\\fR] [\\fIcommand\\fR [\\fIarguments\\fR]]\n"
        page += ".SH DESCRIPTION\n" + escape(ChatBetoCommandLine.introduction) + "\n"
        page += ".SH OPTIONS\n"
        for (names, help) in options() {
            page += ".TP\n.B " + escape(names) + "\n" + escape(help) + "\n"
        }
        if !ChatBetoCommandLine.programSubcommands.isEmpty { page += ".SH SUBCOMMANDS\n" }
        for sub in ChatBetoCommandLine.programSubcommands {
            page += ".TP\n.B chatbeto " + escape(sub._commandName) + "\n" + escape(sub.configuration.abstract) + "\n"
        }
        page += ".SH COMMANDS\n"
        for category in CommandSpec.Category.allCases {
            let specs = CommandTable.all.map { $0.spec }.filter { $0.category == category }
            guard !specs.isEmpty else { continue }
            page += ".SS " + escape(category.rawValue) + "\n"
            for spec in specs {
                page += ".TP\n.B " + escape(spec.usage) + "\n" + escape(spec.summary) + "\n"
            }
        }
        page += ".SH EXIT STATUS\n" + escape(ChatBetoCommandLine.exitCodes) + "\n"
        page += ".SH ENVIRONMENT\nCHATBETO_HOME, CHATBETO_DSN, CHATBETO_PASSWORD, CHATBETO_MODEL, OPENAI_API_KEY, "
        page += "OPENAI_BASE_URL, PAGER, NO_COLOR.\n"
        page += ".SH FILES\n$CHATBETO_HOME/history, $CHATBETO_HOME/mysql (the private MariaDB server).\n"
        return page
    }

    /// The options as `--help` lists them, one (names, help) pair each, read from ArgumentParser's help.
    static func options() -> [(String, String)] {
        let help = ChatBetoCommandLine.helpMessage(columns: 10_000)
        guard let start = help.range(of: "\nOPTIONS:\n") else { return [] }
        var result: [(String, String)] = []
        for line in help[start.upperBound...].split(separator: "\n", omittingEmptySubsequences: false) {
            guard line.hasPrefix("  ") else { if line.isEmpty { continue } else { break } }
            let text = line.trimmingCharacters(in: .whitespaces)
            // The names (`-e, --execute <execute>`) end at the first word that is neither a flag nor a value.
            if text.hasPrefix("-"), let names = text.range(of: #"^(-{1,2}[\w-]+(, )?)+( <[^>]+>( \.\.\.)?)?(?= |$)"#, options: .regularExpression) {
                result.append((String(text[names]), text[names.upperBound...].trimmingCharacters(in: .whitespaces)))
            } else if text.hasPrefix("-") {
                result.append((text, ""))
            } else if let last = result.popLast() {
                result.append((last.0, (last.1 + " " + text).trimmingCharacters(in: .whitespaces)))
            }
        }
        return result
    }

    /// roff text: backslashes doubled, a leading `.` or `'` kept from being read as a request.
    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\e").replacingOccurrences(of: "-", with: "\\-")
            .split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.hasPrefix(".") || $0.hasPrefix("'") ? "\\&" + $0 : String($0) }
            .joined(separator: "\n")
    }
}
