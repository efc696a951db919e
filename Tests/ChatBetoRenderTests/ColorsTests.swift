@testable import ChatBetoRender
import Foundation
import Testing

extension Render {
    @Suite struct ColorsTests {
        @Test func ansiWrapsAndResets() {
            #expect(Colors.ansi.red("x") == "\u{1B}[31mx\u{1B}[0m")
            #expect(Colors.ansi.bold("title") == "\u{1B}[1mtitle\u{1B}[0m")
            #expect(Colors.ansi.cyan("") == "")
        }

        @Test func noneLeavesTextAlone() {
            let none = Colors.none
            for style in [none.bold, none.dim, none.red, none.green, none.yellow, none.cyan, none.gray] {
                #expect(style("text") == "text")
            }
        }

        @Test func enabledOnlyOnTerminalsWithoutNoColorOrDumbTerm() {
            #expect(Colors.forTerminal(isTTY: true, environment: ["TERM": "xterm-256color"]) == .ansi)
            #expect(Colors.forTerminal(isTTY: true, environment: [:]) == .ansi)
            #expect(Colors.forTerminal(isTTY: false, environment: ["TERM": "xterm"]) == .none)
            #expect(Colors.forTerminal(isTTY: true, environment: ["NO_COLOR": ""]) == .none)
            #expect(Colors.forTerminal(isTTY: true, environment: ["NO_COLOR": "0"]) == .none)
            #expect(Colors.forTerminal(isTTY: true, environment: ["TERM": "dumb"]) == .none)
        }

        @Test func pipeGetsNoColours() {
            let pipe = Pipe()
            #expect(Colors.forTerminal(fd: pipe.fileHandleForWriting.fileDescriptor, environment: ["TERM": "xterm"]) == .none)
        }

        @Test func stripRemovesEscapeSequences() {
            #expect(Colors.strip(Colors.ansi.green("ok") + " " + Colors.ansi.dim("日本")) == "ok 日本")
            #expect(Colors.strip("\u{1B}[38;5;208mx\u{1B}[0m") == "x")
        }
    }
}
