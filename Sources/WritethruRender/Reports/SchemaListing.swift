/// `writethru schema` with no name: one line per schema (name, id, title), or in JSON
/// `[{"name", "id", "title", "file"}]`.
public enum SchemaListing {
    struct Row: Encodable {
        let name: String, id: String, title: String, file: String
    }

    public static func render(_ schemas: [JSONSchemas.Schema], format: OutputFormat) -> String {
        switch format {
        case .json:
            return JSONOutput.render(schemas.map { Row(name: $0.name, id: $0.id, title: $0.title, file: $0.file) })
        case .text:
            return Columns.render(schemas.map { [$0.name, $0.id, $0.title] })
        }
    }
}
