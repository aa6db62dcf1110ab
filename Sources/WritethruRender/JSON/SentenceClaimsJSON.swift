import StoryDiff

/// One sentence and its claims in `parse --claims --format json`.
struct SentenceClaimsJSON: Encodable {
    struct Quantity: Encodable { let text: String; let value: Double?; let unit: String; let approximator: String }
    struct Attribution: Encodable { let source: String; let cue: String }

    let paragraph: Int, sentence: String, quantities: [Quantity], dates: [String], attributions: [Attribution]
    let quotes: [String], entities: [String], titles: [String], negations: [String], hedges: [String]

    init(paragraph: Int, claim: Claim) {
        self.paragraph = paragraph
        sentence = claim.sentence
        quantities = claim.quantities.map {
            Quantity(text: $0.text, value: $0.value, unit: $0.unit, approximator: $0.approximator)
        }
        dates = claim.dates
        attributions = claim.attributions.map { Attribution(source: $0.source, cue: $0.cue) }
        quotes = claim.quotes
        entities = claim.entities
        titles = claim.titles
        negations = claim.negations
        hedges = claim.hedges
    }
}
