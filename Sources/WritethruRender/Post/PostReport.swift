import Writethru

/// Renderings of `--format post` and `--format post-json`: one thread per update shown. Text:
/// each post a block, blocks separated by one blank line, threads by a line `---` between
/// blank lines. JSON: schema `writethru.posts/1` (docs/schema/posts.schema.json).
public enum PostReport {
    public static func text(_ digests: [UpdateDigest], writer: PostWriter, focus: PostWriter.Focus) -> String {
        digests.map { digest in
            writer.thread(digest, focus: focus).map { $0 + "\n" }.joined(separator: "\n")
        }.joined(separator: "\n---\n\n")
    }

    public static func json(_ digests: [UpdateDigest], story: StoryID, writer: PostWriter,
                            focus: PostWriter.Focus) -> String {
        JSONOutput.render(PostsJSON(story: story, digests: digests, writer: writer, focus: focus))
    }
}
