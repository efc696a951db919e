@testable import ChatBetoRender
import Foundation
import Testing

extension Render {
    @Suite struct ConsoleTests {
        @Test func writesOutputAndErrorToTheirDescriptors() throws {
            let output = Pipe(), error = Pipe()
            let console = Console(destination: .fileDescriptors(output: output.fileHandleForWriting.fileDescriptor,
                                                                error: error.fileHandleForWriting.fileDescriptor))
            #expect(console.write("rows: 日本 👍\n"))
            #expect(console.writeError("ERROR 1064\n"))
            #expect(console.write(""))
            try output.fileHandleForWriting.close()
            try error.fileHandleForWriting.close()
            #expect(String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self) == "rows: 日本 👍\n")
            #expect(String(decoding: error.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self) == "ERROR 1064\n")
        }

        @Test func writingToAClosedPipeFailsInsteadOfKillingTheProcess() throws {
            let pipe = Pipe()
            try pipe.fileHandleForReading.close()
            let fd = pipe.fileHandleForWriting.fileDescriptor
            let console = Console(destination: .fileDescriptors(output: fd, error: fd))
            #expect(!console.write("nobody is reading\n"))
        }

        @Test func standardStreamsAcceptEmptyWrites() {
            #expect(Console.standard.write(""))
        }
    }
}
