import Foundation

/// A path the user typed (a script, an export, a password file, an output file): `~` expanded,
/// relative to the current directory. The one resolver for every command.
enum UserPath {
    static func resolve(_ path: String, isDirectory: Bool = false) -> URL {
        URL(fileURLWithPath: (path as NSString).expandingTildeInPath, isDirectory: isDirectory,
            relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath)).standardizedFileURL
    }
}
