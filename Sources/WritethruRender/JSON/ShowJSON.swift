/// `show --format json`: a version and its text.
struct ShowJSON: Encodable {
    let story: String
    let version: VersionJSON
    let text: String
}
