import StoryText
import Writethru

/// `--format post-json`, schema `writethru.posts/1`: one thread per update shown, each post's
/// text and its length in graphemes (docs/schema/posts.schema.json).
struct PostsJSON: Encodable {
    struct Post: Encodable {
        let text: String
        let graphemes: Int
    }
    struct Thread: Encodable {
        let version: Int
        @Nullable var tag: String?
        let title: String
        let posts: [Post]
    }

    let schema = "writethru.posts/1"
    let story: String
    let limit: Int
    @Nullable var link: String?
    let threads: [Thread]

    init(story: StoryID, digests: [UpdateDigest], writer: PostWriter, focus: PostWriter.Focus) {
        self.story = story.value
        limit = writer.limit
        link = writer.link(story)
        threads = digests.map { digest in
            Thread(version: digest.entry.number, tag: digest.entry.tag, title: digest.title,
                   posts: writer.thread(digest, focus: focus).map { Post(text: $0, graphemes: $0.count) })
        }
    }
}
