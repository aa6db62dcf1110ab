/// The story folders an import has taken, by the story id each name gives: two folders whose
/// different names give one id ("My Story", "my story", "my-story") would silently become one
/// story, so only the first is taken.
struct StoryFolders {
    private var names: [StoryID: String] = [:]

    /// Takes `folder` as the folder of `story`; nil when it may be, else why not (the reason
    /// its files are rejected with). The same name again (one story's folder in two trees) may.
    mutating func claim(_ story: StoryID, folder: String) -> String? {
        guard let first = names[story] else {
            names[story] = folder
            return nil
        }
        guard first != folder else { return nil }
        return "folder '\(folder)' gives the same story id '\(story.value)' as folder '\(first)'; rename one"
    }
}
