/// The normalized text of a revision as stored in `article.md`: the headline as a level-one
/// heading, then one paragraph per block. Metadata lives in `meta.json`, not here, so that
/// plain `git diff` of article.md shows only what readers read.
public enum ArticleMarkdown {
    public static func render(_ revision: Revision) -> String {
        var out = "# " + revision.headline + "\n"
        for paragraph in revision.paragraphs {
            out += "\n" + paragraph + "\n"
        }
        return out
    }
}
