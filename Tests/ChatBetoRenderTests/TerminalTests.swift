@testable import ChatBetoRender
import Foundation
import Testing

extension Render {
    @Suite struct TerminalTests {
        @Test func sizeFallsBackToEnvironmentThenDefault() {
            #expect(Terminal.resolveSize(reportedColumns: 0, reportedRows: 0, environment: [:])
                == TerminalSize(columns: 80, rows: 24))
            #expect(Terminal.resolveSize(reportedColumns: 0, reportedRows: 0, environment: ["COLUMNS": "132", "LINES": "50"])
                == TerminalSize(columns: 132, rows: 50))
            #expect(Terminal.resolveSize(reportedColumns: 200, reportedRows: 0, environment: ["COLUMNS": "132"])
                == TerminalSize(columns: 200, rows: 24))
            #expect(Terminal.resolveSize(reportedColumns: 0, reportedRows: 0, environment: ["COLUMNS": "wide", "LINES": "-3"])
                == TerminalSize(columns: 80, rows: 24))
        }

        @Test func pipeIsNoTerminalAndUsesEnvironmentSize() throws {
            let pipe = Pipe()
            let fd = pipe.fileHandleForReading.fileDescriptor
            #expect(!Terminal.isTTY(fd))
            #expect(Terminal.size(fd: fd, environment: ["COLUMNS": "100", "LINES": "30"]) == TerminalSize(columns: 100, rows: 30))
            #expect(Terminal.columns(fd: fd, environment: [:]) == 80)
            #expect(Terminal.rows(fd: fd, environment: [:]) == 24)
        }
    }
}
