import ChatBetoRender
import ChatBetoStore
import ChatBetoSupport
import ArgumentParser
import ChatBetoCore
import Foundation

/// chatbeto: a terminal shell over your ChatGPT history in MySQL.
/// Its help (`--help`, the man page, the completion scripts) and the shell's `help` come from the same
/// definitions: these options and the shell's command table.
struct ChatBetoCommandLine: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chatbeto",
        abstract: "A terminal shell over your ChatGPT history in MySQL.",
        discussion: ChatBetoCommandLine.introduction + "\n\n" + ChatBetoCommandLine.exitCodes,
        version: ChatBeto.version,
        subcommands: ChatBetoCommandLine.programSubcommands)

    /// Subcommands of the program that are not shell commands (`chatbeto mcp …`): add the type here. They
    /// are listed for --help, the completion scripts and the man page, and dispatched by `run()` (the
    /// passthrough argument takes every word, so ArgumentParser never picks them itself).
    static let programSubcommands: [any ParsableCommand.Type] = []

    static let introduction = """
        Without arguments: the interactive shell (or, with input piped in, a script read from stdin). Any shell \
        command can also be given on the command line: chatbeto import export.zip, chatbeto server status. \
        chatbeto mcp [--project NAME] serves the archive to other agents over the Model Context Protocol (stdio).
        """
    /// `--help`: ArgumentParser's help for the options, then the shell's command list (its `help`), as is.
    static var fullHelp: String {
        helpMessage() + "\nSHELL COMMANDS (at the prompt, in scripts, or as chatbeto COMMAND …):\n\n" + HelpCommand.listing
    }
    /// The exit codes the README names (REPL.ExitCode).
    static let exitCodes = """
        Exit codes: 0 success, 1 a command or statement failed, 2 bad usage or an unreadable script, \
        3 the database could not be reached, 130 interrupted.
        """

    @Option(name: .long, help: """
        MySQL server: mysql://user@host:port/database[?socket=/path] (or CHATBETO_DSN). Give its password with \
        CHATBETO_PASSWORD or --password-file: a password in the DSN on the command line is insecure (chatbeto \
        hides it from ps at once, and warns).
        """)
    var dsn: String?

    @Option(name: .customLong("password-file"), help: "A file only you can read (0600) holding the DSN's password: a line password=… (as in a MySQL option file) or the password alone.")
    var passwordFile: String?

    @Option(name: .shortAndLong, help: "Commands and SQL to run, separated by ';' or newlines; several -e run in order.")
    var execute: [String] = []

    @Option(name: .shortAndLong, help: "A .chatbeto script to run.")
    var file: String?

    @Option(name: .long, help: "Output format: table, vertical, csv, tsv, json, markdown.")
    var format: String?

    @Flag(name: .shortAndLong, help: "Answer yes to confirmations (for scripts).")
    var yes = false

    @Flag(name: .long, help: "Send possible secrets found before seeding or sync as they are (--yes alone sends placeholders).")
    var allowSecrets = false

    @Flag(name: .long, help: "Scripts go on after an error (and still exit non-zero, saying how many commands failed).")
    var force = false

    @Flag(name: .shortAndLong, help: "Print status messages in scripts too.")
    var verbose = false

    @Flag(name: .customLong("generate-manual"), help: .hidden)
    var generateManual = false

    @Argument(parsing: .captureForPassthrough, help: "A shell command to run instead of the interactive shell.",
              completion: .list(CommandTable.names))
    var command: [String] = []

    func run() throws {
        if generateManual { return print(ManualPage.render(), terminator: "") }
        var options = ShellOptions()
        // Global options may also follow a command given on the command line (chatbeto import x.zip --dsn …).
        var words = command
        if let first = words.first, let sub = ChatBetoCommandLine.programSubcommands.first(where: { $0._commandName == first }) {
            var subcommand = try sub.parseAsRoot(Array(words.dropFirst()))
            return try subcommand.run()
        }
        // `--` ends the options: what follows is a shell command even if it starts with '-'.
        let afterDashDash = words.first == "--"
        if afterDashDash { words.removeFirst() }
        // The passthrough argument takes what ArgumentParser would answer itself: answer it here.
        switch afterDashDash ? nil : words.first {
        case "--help", "-h":
            guard words.count > 1 else { return print(ChatBetoCommandLine.fullHelp) }
            words = ["help"] + words.dropFirst()   // chatbeto --help use = chatbeto help use
        case "--version":
            return print(ChatBeto.version)
        case let first? where first.hasPrefix("-") && first != "-":
            // An option the command line does not know (a shell command never starts with '-').
            throw ValidationError("unknown option '\(first)'")
        default: break
        }
        var dsn = self.dsn, passwordFile = self.passwordFile, yes = self.yes, allowSecrets = self.allowSecrets, force = self.force, verbose = self.verbose
        var i = 0
        while i < words.count {
            switch words[i] {
            case "--dsn" where i + 1 < words.count: dsn = words[i + 1]; words.removeSubrange(i...(i + 1))
            case let w where w.hasPrefix("--dsn="): dsn = String(w.dropFirst(6)); words.remove(at: i)
            case "--password-file" where i + 1 < words.count: passwordFile = words[i + 1]; words.removeSubrange(i...(i + 1))
            case let w where w.hasPrefix("--password-file="): passwordFile = String(w.dropFirst(16)); words.remove(at: i)
            case "--yes", "-y": yes = true; words.remove(at: i)
            case "--allow-secrets": allowSecrets = true; words.remove(at: i)
            case "--force": force = true; words.remove(at: i)
            case "--verbose": verbose = true; words.remove(at: i)
            default: i += 1
            }
        }
        if let dsn { options.dsn = dsn }
        options.passwordFile = passwordFile
        if let format {
            do { options.format = try OutputFormat.parse(format) } catch {
                throw ValidationError(String(describing: error))
            }
        }
        options.assumeYes = yes
        options.allowSecrets = allowSecrets
        options.force = force
        options.verbose = verbose
        // `chatbeto mcp`: the archive as MCP tools on stdio (Sources/chatbeto/MCPLaunch.swift).
        if words.first == "mcp" {
            let code = MCPLaunch.run(options: options, arguments: Array(words.dropFirst()))
            if code != 0 { throw ExitCode(code) }
            return
        }
        var input: ScriptInput?
        if !words.isEmpty {
            if !execute.isEmpty || file != nil { throw ValidationError("give either a command, -e or -f") }
            input = .commandLine(words.map(ShellQuote.quote).joined(separator: " "))
        } else if !execute.isEmpty {
            if file != nil { throw ValidationError("give either -e or -f") }
            input = .execute(execute)
        } else if let file {
            input = .file(file)
        }
        let code = ChatBetoApp.run(options: options, input: input)
        if code != 0 { throw ExitCode(code) }
    }
}

/// Re-quotes command-line words so the shell's tokenizer sees them as they were given.
enum ShellQuote {
    static func quote(_ word: String) -> String {
        if !word.isEmpty && word.allSatisfy({ $0.isLetter || $0.isNumber || "-_./:@=,+%".contains($0) }) { return word }
        return "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}

// Swift has copied the arguments; now the password goes from the process's own argv (and so from ps).
_ = CommandLine.arguments
if ArgvScrubber.scrubDSNPasswords() {
    FileHandle.standardError.write(Data("""
        warning: a password in --dsn on the command line is insecure (other users may see it in ps before chatbeto \
        hides it); use CHATBETO_PASSWORD or --password-file instead\n
        """.utf8))
}
// ArgumentParser exits 64 (EX_USAGE) for bad usage; the README promises 2, as for the shell's own usage errors.
do {
    var command = try ChatBetoCommandLine.parseAsRoot()
    try command.run()
} catch {
    // --help before the command words is answered by ArgumentParser: give the whole help instead.
    if ChatBetoCommandLine.exitCode(for: error) == .success, ChatBetoCommandLine.fullMessage(for: error) == ChatBetoCommandLine.helpMessage() {
        print(ChatBetoCommandLine.fullHelp)
        exit(0)
    }
    if ChatBetoCommandLine.exitCode(for: error) == .validationFailure {
        FileHandle.standardError.write(Data((ChatBetoCommandLine.fullMessage(for: error) + "\n").utf8))
        exit(2)
    }
    ChatBetoCommandLine.exit(withError: error)
}
