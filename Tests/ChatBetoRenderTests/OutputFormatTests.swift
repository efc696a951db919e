@testable import ChatBetoRender
import Testing

extension Render {
    @Suite struct OutputFormatTests {
        @Test func parsesCanonicalNamesCaseInsensitively() throws {
            for format in OutputFormat.allCases {
                #expect(try OutputFormat.parse(format.rawValue) == format)
                #expect(try OutputFormat.parse(format.rawValue.uppercased()) == format)
            }
            #expect(try OutputFormat.parse("  json ") == .json)
        }

        @Test func parsesAliases() throws {
            #expect(try OutputFormat.parse("md") == .markdown)
            #expect(try OutputFormat.parse("vert") == .vertical)
            #expect(try OutputFormat.parse("v") == .vertical)
            #expect(try OutputFormat.parse("batch") == .tsv)
            #expect(try OutputFormat.parse("grid") == .table)
        }

        @Test func aliasesAreUnambiguous() {
            let names = OutputFormat.allCases.flatMap { [$0.rawValue] + $0.aliases }
            #expect(Set(names).count == names.count)
        }

        @Test func unknownNameErrorListsValidFormats() {
            #expect(throws: OutputFormatError.unknown("xml")) { try OutputFormat.parse("xml") }
            let message = OutputFormatError.unknown("xml").description
            #expect(message == "unknown output format 'xml': expected one of table, vertical, csv, tsv, json, markdown")
        }
    }
}
