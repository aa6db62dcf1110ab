/// Inside the chosen story, the containers that are still furniture, judged as readability's
/// conditional cleaning judges them: a negative class with no story score, image galleries,
/// forms, link lists, embeds, and tiny blocks.
///
/// - Complexity: O(1) a container, from the page statistics.
struct ContentCleaner {
    let statistics: PageStatistics
    let scores: [Double]

    static let judgedTags: Set<String> = ["div", "section", "ul", "ol", "table", "form", "fieldset", "header", "dl"]

    func prunes(_ index: Int) -> Bool {
        let tree = statistics.tree
        let name = tree.names[index]
        guard Self.judgedTags.contains(name) else { return false }
        let weight = Double(statistics.weights[index])
        if weight + scores[index] < 0 { return true }
        let length = statistics.textLength[index]
        let density = statistics.linkDensity(index)
        if statistics.commas[index] >= 10 { return density > 0.5 }
        let paragraphs = statistics.paragraphs[index]
        let images = statistics.images[index]
        let isList = name == "ul" || name == "ol" || name == "dl"
            || (statistics.listItems[index] > 0 && statistics.ownLength[index] == 0 && paragraphs == 0)
        let headingDensity = length == 0 ? 0 : Double(statistics.headingLength[index]) / Double(length)
        if images > 1, Double(paragraphs) / Double(images) < 0.5 { return true }
        if statistics.inputs[index] > paragraphs / 3 { return true }
        if !isList, headingDensity < 0.9, length < 25, images == 0 || images > 2 { return true }
        let linkLimit = isList ? 0.5 : 0.2
        if weight < 25, density > linkLimit { return true }
        if weight >= 25, density > 0.5 { return true }
        if (statistics.embeds[index] == 1 && length < 75) || statistics.embeds[index] > 1 { return true }
        return false
    }
}
