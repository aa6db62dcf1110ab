/// `log --format json`: the story and its versions, oldest first.
struct LogJSON: Encodable {
    let story: String
    let versions: [VersionJSON]
}
