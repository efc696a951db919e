import Foundation

/// Runs a program to completion with posix_spawn and waitpid on its own pid. Foundation's
/// `Process.waitUntilExit` can miss a child's exit when many tests spawn processes at once.
public enum ChildProcess {
    public struct Output { public var stdout: Data; public var stderr: Data; public var status: Int32 }

    public static func run(_ path: String, _ arguments: [String], environment: [String: String], stdin: Data) throws -> Output {
        var inPipe: [Int32] = [0, 0], outPipe: [Int32] = [0, 0], errPipe: [Int32] = [0, 0]
        guard pipe(&inPipe) == 0, pipe(&outPipe) == 0, pipe(&errPipe) == 0 else { throw POSIXError(.EMFILE) }
        // Close-on-exec, so processes spawned by other tests at the same time do not inherit them.
        for fd in inPipe + outPipe + errPipe { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, inPipe[0], 0)
        posix_spawn_file_actions_adddup2(&actions, outPipe[1], 1)
        posix_spawn_file_actions_adddup2(&actions, errPipe[1], 2)
        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { argv.forEach { free($0) }; envp.forEach { free($0) } }
        var pid: pid_t = 0
        let rc = posix_spawn(&pid, path, &actions, nil, argv, envp)
        close(inPipe[0]); close(outPipe[1]); close(errPipe[1])
        guard rc == 0 else {
            close(inPipe[1]); close(outPipe[0]); close(errPipe[0])
            throw POSIXError(POSIXErrorCode(rawValue: rc) ?? .ENOENT)
        }
        let writer = FileHandle(fileDescriptor: inPipe[1], closeOnDealloc: true)
        let outHandle = FileHandle(fileDescriptor: outPipe[0], closeOnDealloc: true)
        let errHandle = FileHandle(fileDescriptor: errPipe[0], closeOnDealloc: true)
        final class Box: @unchecked Sendable { var data = Data() }
        let errBox = Box()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async { errBox.data = errHandle.readDataToEndOfFile(); group.leave() }
        group.enter()
        DispatchQueue.global().async {
            if !stdin.isEmpty { try? writer.write(contentsOf: stdin) }
            try? writer.close()
            group.leave()
        }
        let out = outHandle.readDataToEndOfFile()
        group.wait()
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let code = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return Output(stdout: out, stderr: errBox.data, status: code)
    }
}
