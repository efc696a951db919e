import ChatBetoRender
import ChatBetoStore
import ChatBetoSupport
import ArgumentParser
import ChatBetoCore
import Foundation

/// chatbeto: a terminal shell over your ChatGPT history in MySQL.
struct ChatBetoCommandLine: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chatbeto",
        abstract: "A terminal shell over your ChatGPT history in MySQL.",
        discussion: """
        Without arguments: the interactive shell (or, with input piped in, a script read from stdin).
        Any shell command can also be given on the command line: chatbeto import export.zip, chatbeto server status.
        Exit codes: 0 success, 1 a command or statement failed, 2 bad usage or unreadable script,
        3 the database could not be reached, 130 interrupted.
        """,
        version: ChatBeto.version)

    @Option(name: .long, help: """
        MySQL server: mysql://user@host:port/database[?socket=/path] (or CHATBETO_DSN). Give its password with \
        CHATBETO_PASSWORD or --password-file: a password in the DSN on the command line is insecure (chatbeto \
        hides it from ps at once, and warns).
        """)
    var dsn: String?

    @Option(name: .customLong("password-file"), help: "A file only you can read (0600) holding the DSN's password: a line password=… (as in a MySQL option file) or the password alone.")
    var passwordFile: String?

    @Option(name: .shortAndLong, help: "Commands and SQL to run, separated by ';'.")
    var execute: String?

    @Option(name: .shortAndLong, help: "A .chatbeto script to run.")
    var file: String?

    @Option(name: .long, help: "Output format: table, vertical, csv, tsv, json, markdown.")
    var format: String?

    @Flag(name: .shortAndLong, help: "Answer yes to confirmations (for scripts).")
    var yes = false

    @Flag(name: .long, help: "Send possible secrets found before seeding or sync as they are (--yes alone sends placeholders).")
    var allowSecrets = false

    @Flag(name: .long, help: "Scripts go on after an error.")
    var force = false

    @Flag(name: .shortAndLong, help: "Print status messages in scripts too.")
    var verbose = false

    @Argument(parsing: .captureForPassthrough, help: "A shell command to run instead of the interactive shell.")
    var command: [String] = []

    func run() throws {
        var options = ShellOptions()
        // Global options may also follow a command given on the command line (chatbeto import x.zip --dsn …).
        var words = command
        // The passthrough argument takes --help too: answer it here (the shell's own 'help' lists commands).
        if let first = words.first, first == "--help" || first == "-h" {
            print(ChatBetoCommandLine.helpMessage())
            return
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
        var text = execute
        if !words.isEmpty {
            if execute != nil || file != nil { throw ValidationError("give either a command, -e or -f") }
            text = words.map(ShellQuote.quote).joined(separator: " ")
        }
        let code = ChatBetoApp.run(options: options, commands: text, scriptFile: file)
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
    if ChatBetoCommandLine.exitCode(for: error) == .validationFailure {
        FileHandle.standardError.write(Data((ChatBetoCommandLine.fullMessage(for: error) + "\n").utf8))
        exit(2)
    }
    ChatBetoCommandLine.exit(withError: error)
}
