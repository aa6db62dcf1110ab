import StoryDiff
import StoryText

extension Archive {
    /// Compares two files read as `parse` reads them, with this archive's settings (reading,
    /// boilerplate rules, diff thresholds) and the furniture it has learned: what `diff --files`
    /// and `claims --files` show when an archive is named. With none, use
    /// `Archive.compare(files:_:config:)` and `ArchiveConfig.standard`.
    public func compare(files old: InputFile, _ new: InputFile) throws(WritethruError) -> Comparison {
        try Self.compare(files: old, new, config: config, furniture: try derivedIndex())
    }

    /// Compares two files read with the reader and `config`, and no archive (and so no learned
    /// furniture) unless `furniture` is given.
    public static func compare(files old: InputFile, _ new: InputFile, config: ArchiveConfig,
                               furniture: FurnitureCatalog? = nil) throws(WritethruError) -> Comparison {
        let before = try fileSide(old, config: config, furniture: furniture)
        let after = try fileSide(new, config: config, furniture: furniture)
        let diff = ParagraphAligner.diff(old: before.paragraphs, new: after.paragraphs, settings: config.diff)
        return Comparison(from: before, to: after, diff: diff, settings: config.diff)
    }

    /// One file as a side of a comparison: it must hold exactly one revision.
    private static func fileSide(_ input: InputFile, config: ArchiveConfig,
                                 furniture: FurnitureCatalog?) throws(WritethruError) -> ComparedSide {
        let revisions = try parse(input, format: nil, config: config, furniture: furniture)
        guard revisions.count == 1, let revision = revisions.first?.revision else {
            throw .badInput(file: input.name,
                            reason: "it holds \(revisions.count) revisions; diff compares one with one")
        }
        return ComparedSide(version: nil, file: input.name, headline: revision.headline,
                            paragraphs: revision.paragraphs, time: revision.updated ?? revision.published)
    }
}
