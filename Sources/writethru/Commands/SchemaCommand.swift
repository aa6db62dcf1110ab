import ArgumentParser
import Foundation
import Writethru
import WritethruRender

struct Schema: DirectlyParsed {
    static let baseConfiguration = CommandConfiguration(
        commandName: "schema",
        abstract: "List the JSON schemas of Writethru's output, or print one.",
        discussion: """
            With no NAME, lists every schema: name, id (the `schema` value of the output it \
            describes) and title. With NAME (`timeline`, `writethru.timeline/1` or \
            `timeline.schema.json`), prints that schema exactly as docs/schema/ holds it. An \
            unknown NAME exits 64.
            """)

    @OptionGroup var output: FormatOption

    @Argument(help: ArgumentHelp("The schema to print: a name, an id or a file name.", valueName: "name"))
    var name: String?

    func run() throws {
        try reporting { () throws(WritethruError) in
            guard let name else {
                emit(SchemaListing.render(JSONSchemas.all, format: output.format))
                return
            }
            guard let schema = JSONSchemas.named(name) else {
                throw .usage("no schema is named '\(name)'; the schemas are "
                                 + JSONSchemas.all.map(\.name).joined(separator: ", "))
            }
            emit(schema.text)
        }
    }
}
