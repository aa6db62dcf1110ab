import StoryText

extension Archive {
    /// Reads an input as `record` would, with this archive's settings and learned furniture,
    /// without recording anything.
    public func parse(_ input: InputFile, format: InputFormat?) throws(WritethruError) -> [ReadRevision] {
        try Self.parse(input, format: format, config: config, furniture: try derivedIndex())
    }

    /// Reads an input with the given settings and no archive.
    public static func parse(_ input: InputFile, format: InputFormat?, config: ArchiveConfig,
                             furniture: FurnitureCatalog? = nil) throws(WritethruError) -> [ReadRevision] {
        do {
            return try RevisionReader.read(input.bytes, format: format, options: config.reading, furniture: furniture)
        } catch {
            throw .badInput(file: input.name, reason: error.description)
        }
    }
}
