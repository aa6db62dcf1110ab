/// What one update changed, before identities are assigned: the paragraph diff, the sentence
/// links and each link's claim changes.
struct StepComparison: Sendable {
    let diff: ParagraphDiff
    let links: [SentenceLink]
    let claims: [[ClaimChange]]

    init(old: VersionText, new: VersionText, oldSentences: [[String]], newSentences: [[String]],
         settings: DiffSettings) {
        diff = ParagraphAligner.diff(old: old.paragraphs, new: new.paragraphs, settings: settings)
        links = SentenceAligner.links(diff, oldSentences: oldSentences, newSentences: newSentences,
                                      includingVerbatim: true, settings: settings)
        let story = StoryNames(old: old.paragraphs, new: new.paragraphs, oldDate: old.date, newDate: new.date)
        claims = links.map {
            ClaimComparer.changes(old: $0.oldText, new: $0.newText, paragraph: $0.paragraph, oldTime: old.time,
                                  newTime: new.time, story: story)
        }
    }
}
