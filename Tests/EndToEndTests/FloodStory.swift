import Foundation

/// A generated running story as a wire desk files it: a floods story updated every 40 minutes,
/// each update raising the death toll in the lead and the headline, adding a paragraph or two
/// (officials, rescuers, residents, quotations), rewording one, now and then moving one up or
/// cutting one, at 20 paragraphs or so. The same versions on every run (no randomness), each
/// a text input with a tag, an advisory line and an Updated time.
enum FloodStory {
    static let places = ["Sylhet", "Sunamganj", "Netrokona", "Habiganj", "Moulvibazar", "Kishoreganj", "Mymensingh",
                         "Jamalpur", "Sherpur", "Kurigram", "Gaibandha", "Lalmonirhat", "Nilphamari", "Rangpur"]

    /// The paragraph added by update `n` (1-based): one of several kinds of reporting, each
    /// naming its own place and figures so that no two read the same.
    static func added(_ n: Int) -> String {
        let place = places[n % places.count]
        let other = places[(n * 5 + 3) % places.count]
        switch n % 6 {
        case 0:
            return "Rescue teams reached \(n + 11) villages around \(place) on Tuesday, the disaster management "
                + "ministry said, but roads to \(other) were still under water."
        case 1:
            return "\"We have lost everything, the house, the rice, the cattle,\" said a farmer in \(place) who "
                + "gave his name as Abdul \(n). \"The water came in the night.\""
        case 2:
            return "The army sent \(n * 40) soldiers and \(n % 9 + 3) helicopters to \(place), where about "
                + "\(n * 1_200) people were sheltering in schools, an army spokesman told reporters."
        case 3:
            return "The Meteorological Department forecast more heavy rain over \(place) and \(other) for at least "
                + "\(n % 4 + 2) more days, and warned that the river could rise a further \(n % 7 + 10) cm."
        case 4:
            return "Aid agencies said clean water was the most urgent need in \(place), where \(n % 5 + 2) cases of "
                + "diarrhoea had been reported among children in relief camps."
        default:
            return "Officials in \(place) said \(n * 3 + 20) schools had been closed and exams postponed, while "
                + "electricity was cut to parts of \(other) as a precaution."
        }
    }

    /// The story's versions, oldest first: `count` text inputs.
    ///
    /// - Complexity: O(count × p) for p paragraphs a version.
    static func versions(_ count: Int) -> [String] {
        var toll = 12
        var paragraphs = [
            lead(toll),
            "Days of monsoon rain have swollen the Surma and Kushiyara rivers, submerging roads and cutting off "
                + "hundreds of villages in the country's northeast, the disaster management ministry said.",
            "Tens of thousands of people have fled to shelters in schools and government buildings, officials said.",
            "\"This is the worst flooding we have seen in this region in two decades,\" said Enamur Rahman, the "
                + "junior minister for disaster management.",
            "Bangladesh, a low-lying delta nation of 170 million people, is regularly hit by floods during the "
                + "monsoon season, which runs from June to September.",
        ]
        var versions: [String] = []
        for number in 1...count {
            var advisory = ""
            if number > 1 {
                let step = number - 1
                toll += step % 4 + 1
                paragraphs[0] = lead(toll)
                paragraphs.insert(added(step), at: min(paragraphs.count, 1 + step % 4))
                if step % 3 == 0 { paragraphs.insert(added(step + 100), at: paragraphs.count) }
                // A reworded paragraph: a figure or a word changes in an older one.
                let reworded = 1 + (step * 7) % (paragraphs.count - 1)
                paragraphs[reworded] = paragraphs[reworded].replacingOccurrences(of: " said", with: " told Reuters")
                    .replacingOccurrences(of: "about ", with: "nearly ")
                if step % 5 == 0, paragraphs.count > 4 {
                    let moved = paragraphs.remove(at: paragraphs.count - 1)
                    paragraphs.insert(moved, at: 2)
                }
                while paragraphs.count > 20 { paragraphs.remove(at: 5 + (step * 3) % (paragraphs.count - 5)) }
                advisory = "\n(Updates death toll, adds details from \(places[step % places.count]))\n"
            }
            let minutes = (number - 1) * 40
            let time = "2022-06-\(17 + minutes / 1_440)T" + two(minutes / 60 % 24) + ":" + two(minutes % 60) + ":00Z"
            let tag = number == 1 ? "" : "UPDATE \(number - 1)-"
            versions.append(tag + "Floods kill at least \(toll) in northeast Bangladesh\n" + advisory + "\nUpdated " + time
                            + "\n\nDHAKA (Reuters) - " + paragraphs.joined(separator: "\n\n") + "\n")
        }
        return versions
    }

    static func lead(_ toll: Int) -> String {
        "At least \(toll) people have been killed in floods in northeastern Bangladesh, officials said on Monday, "
            + "as rescuers struggled to reach villages cut off by the rising water."
    }

    private static func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
}
