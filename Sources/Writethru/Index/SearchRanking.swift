import SQLiteStore

/// Which hits a search keeps, and in what order: by rank (bm25, lower first), then archive,
/// story name, then rowid (within a story: first version, then paragraph, then place in it).
///
/// Every match is ranked, exactly; only the kept ones and those tied with the last kept one
/// need a story name. A common phrase ties tens of thousands of sentences at one rank (the
/// same sentence length, one instance each), so the names of a large tie are read in name
/// order from the story table's index and the reading stops once the limit is filled.
enum SearchRanking {
    /// A tie with more stories than this is ordered by one pass over the name index instead
    /// of one lookup per story.
    static let lookupLimit = 2_000

    /// The `limit` best of `found` (every one when `limit` is 0), in order.
    /// - Complexity: O(m log k) for m matches and k kept, plus O(t) for t tied with the last
    ///  kept and either a name lookup per story among them or a scan of the name index up to
    ///  the last one kept.
    static func best(_ found: [SearchMatches], limit: Int, in indexes: [DerivedIndex],
                     lookupLimit: Int = SearchRanking.lookupLimit) throws(WritethruError) -> [RankedMatch] {
        let total = found.reduce(0) { $0 + $1.ids.count }
        let threshold = limit > 0 && total > limit ? smallest(limit, of: found) : Double.infinity
        var kept: [RankedMatch] = []
        var room = limit > 0 ? limit : total
        // Below the threshold: kept, whatever their names.
        var tied: [[Int]] = []
        for (archive, matches) in found.enumerated() {
            var mine: [Int] = []
            var below: [Int] = []
            for (offset, rank) in matches.ranks.enumerated() {
                if rank < threshold { below.append(offset) } else if rank == threshold { mine.append(offset) }
            }
            tied.append(mine)
            room -= below.count
            let names = try self.names(of: Set(below.map { matches.storyIDs[$0] }), in: indexes[archive], lookupLimit: lookupLimit)
            for offset in below {
                let id = matches.ids[offset]
                kept.append(RankedMatch(rank: matches.ranks[offset], archive: archive, story: names[matches.storyIDs[offset]] ?? "",
                                        id: id))
            }
        }
        // At the threshold: by archive, then story name, then rowid, while there is room.
        for (archive, offsets) in tied.enumerated() where room > 0 && !offsets.isEmpty {
            let matches = found[archive]
            var byStory: [Int64: [Int64]] = [:]
            for offset in offsets { byStory[matches.storyIDs[offset], default: []].append(matches.ids[offset]) }
            for (story, name) in try ordered(Set(byStory.keys), upTo: room, in: indexes[archive], lookupLimit: lookupLimit)
                where room > 0 {
                for id in (byStory[story] ?? []).sorted().prefix(room) {
                    kept.append(RankedMatch(rank: threshold, archive: archive, story: name, id: id))
                    room -= 1
                }
            }
        }
        kept.sort()
        return kept
    }

    /// The k-th smallest rank of all matches (k at least 1, at most their number).
    /// - Complexity: O(m log k), a max-heap of the k smallest.
    static func smallest(_ k: Int, of found: [SearchMatches]) -> Double {
        var heap = BoundedMaxHeap(capacity: k)
        for matches in found {
            for rank in matches.ranks { heap.offer(rank) }
        }
        return heap.largest ?? .infinity
    }

    /// The names of `stories` (story ids), by id.
    private static func names(of stories: Set<Int64>, in index: DerivedIndex,
                              lookupLimit: Int) throws(WritethruError) -> [Int64: String] {
        guard !stories.isEmpty else { return [:] }
        return try index.read { (database: Database) throws(SQLiteError) -> [Int64: String] in
            var names: [Int64: String] = [:]
            if stories.count <= lookupLimit {
                for story in stories {
                    let statement = try database.statement("SELECT name FROM story WHERE id = ?").bind(.integer(story))
                    if try statement.step() { names[story] = statement.text(0) }
                }
            } else {
                let statement = try database.statement("SELECT id, name FROM story")
                while try statement.step() {
                    let story = statement.int64(0)
                    if stories.contains(story) { names[story] = statement.text(1) }
                }
            }
            return names
        }
    }

    /// `stories` in name order, with their names, as far as needed for `room` rows (each story
    /// has one row at least).
    private static func ordered(_ stories: Set<Int64>, upTo room: Int, in index: DerivedIndex,
                                lookupLimit: Int) throws(WritethruError) -> [(Int64, String)] {
        if stories.count <= lookupLimit {
            return try names(of: stories, in: index, lookupLimit: lookupLimit).sorted { $0.value < $1.value }.map { ($0.key, $0.value) }
        }
        return try index.read { (database: Database) throws(SQLiteError) -> [(Int64, String)] in
            var found: [(Int64, String)] = []
            // The name index (`name` is UNIQUE), read in its order: stops at the `room`-th story
            // found. Story ids are ASCII (`StoryID`), so SQLite's byte order is Swift's `<`.
            let statement = try database.statement("SELECT id, name FROM story ORDER BY name")
            while found.count < room, try statement.step() {
                let story = statement.int64(0)
                if stories.contains(story) { found.append((story, statement.text(1))) }
            }
            return found
        }
    }
}

/// One kept hit as the ranking sees it.
struct RankedMatch: Comparable {
    let rank: Double
    let archive: Int
    let story: String
    let id: Int64

    static func < (a: RankedMatch, b: RankedMatch) -> Bool {
        if a.rank != b.rank { return a.rank < b.rank }
        if a.archive != b.archive { return a.archive < b.archive }
        if a.story != b.story { return a.story < b.story }
        return a.id < b.id
    }
}

/// The k smallest values seen, the largest of them on top.
struct BoundedMaxHeap {
    let capacity: Int
    private var values: [Double] = []

    init(capacity: Int) {
        self.capacity = capacity
        values.reserveCapacity(capacity)
    }

    var largest: Double? { values.first }

    /// - Complexity: O(1) for a value no smaller than the largest of a full heap, else O(log k).
    mutating func offer(_ value: Double) {
        if values.count < capacity {
            values.append(value)
            var child = values.count - 1
            while child > 0 {
                let parent = (child - 1) / 2
                guard values[parent] < values[child] else { break }
                values.swapAt(parent, child)
                child = parent
            }
        } else if let top = values.first, value < top {
            values[0] = value
            var parent = 0
            while true {
                let left = 2 * parent + 1
                let right = left + 1
                var largest = parent
                if left < values.count, values[left] > values[largest] { largest = left }
                if right < values.count, values[right] > values[largest] { largest = right }
                if largest == parent { break }
                values.swapAt(parent, largest)
                parent = largest
            }
        }
    }
}
