extension ParagraphAlignment {
    /// Unmatched old and new paragraphs that share a key word and could be similar enough,
    /// with their similarity: each paragraph, old or new, nominates the few likeliest partners
    /// by the bound, so that a diff and its reverse consider the same pairs.
    func candidatePairs() -> [(Int, Int, Double)] {
        // The unmatched new paragraphs holding each key word (ids counted, then filled in).
        let unmatchedNew = new.indices.filter { newUnit[$0] == nil }
        var postingStart = [Int](repeating: 0, count: keyCount + 1)
        for j in unmatchedNew {
            for key in newInterned[j].keys { postingStart[key + 1] += 1 }
        }
        for key in 0..<keyCount { postingStart[key + 1] += postingStart[key] }
        var postings = [Int](repeating: 0, count: postingStart[keyCount])
        var filled = postingStart
        for j in unmatchedNew {
            for key in newInterned[j].keys {
                postings[filled[key]] = j
                filled[key] += 1
            }
        }
        var byOld = [[(partner: Int, bound: Double)]](repeating: [], count: old.count)
        var byNew = [[(partner: Int, bound: Double)]](repeating: [], count: new.count)
        var sharing: [Int] = []
        for i in old.indices where oldUnit[i] == nil {
            // The new paragraphs sharing a key word, each once (marked with i).
            sharing.removeAll(keepingCapacity: true)
            for key in oldInterned[i].keys {
                for j in postings[postingStart[key]..<postingStart[key + 1]] where scratch.marks[j] != i {
                    scratch.marks[j] = i
                    sharing.append(j)
                }
            }
            for j in sharing {
                let limit = bound(oldInterned[i], newInterned[j...j])
                guard limit > settings.changeThreshold else { continue }
                byOld[i].append((j, limit))
                byNew[j].append((i, limit))
            }
        }
        for j in scratch.marks.indices { scratch.marks[j] = -1 }
        func nominees(_ list: [(partner: Int, bound: Double)]) -> ArraySlice<(partner: Int, bound: Double)> {
            list.sorted { $0.bound != $1.bound ? $0.bound > $1.bound : $0.partner < $1.partner }
                .prefix(settings.pairingNominees)
        }
        // A pair as one number, old * (new count) + new: sorted, the pairs come in (old, new) order.
        let width = max(new.count, 1)
        var nominated: [Int] = []
        for (i, list) in byOld.enumerated() where !list.isEmpty {
            for nominee in nominees(list) { nominated.append(i * width + nominee.partner) }
        }
        for (j, list) in byNew.enumerated() where !list.isEmpty {
            for nominee in nominees(list) { nominated.append(nominee.partner * width + j) }
        }
        nominated.sort()
        var pairs: [(Int, Int, Double)] = []
        var previous = -1
        for key in nominated where key != previous {
            previous = key
            let (i, j) = key.quotientAndRemainder(dividingBy: width)
            let similarity = similarity(oldInterned[i].sequence, newInterned[j].sequence)
            if similarity > settings.changeThreshold { pairs.append((i, j, similarity)) }
        }
        return pairs
    }

    /// Pairs similar paragraphs one to one, maximising the total similarity.
    mutating func pairSimilar() {
        let pairs = candidatePairs()
        guard !pairs.isEmpty else { return }
        let rows = Array(Set(pairs.map(\.0))).sorted()
        let columns = Array(Set(pairs.map(\.1))).sorted()
        var chosen: [(Int, Int, Double)] = []
        if max(rows.count, columns.count) > settings.assignmentLimit {
            usedGreedy = true
            var takenOld = Set<Int>()
            var takenNew = Set<Int>()
            for pair in pairs.sorted(by: Self.greedyBefore)
            where !takenOld.contains(pair.0) && !takenNew.contains(pair.1) {
                takenOld.insert(pair.0)
                takenNew.insert(pair.1)
                chosen.append(pair)
            }
        } else {
            let rowIndex = Dictionary(uniqueKeysWithValues: rows.enumerated().map { ($1, $0) })
            let columnIndex = Dictionary(uniqueKeysWithValues: columns.enumerated().map { ($1, $0) })
            var weights = Array(repeating: Array(repeating: 0.0, count: columns.count), count: rows.count)
            for (i, j, similarity) in pairs {
                // Ties (repeated paragraphs) go to the pair closest in position, which reads
                // the same whichever version is old: a diff and its reverse agree.
                if let r = rowIndex[i], let c = columnIndex[j] {
                    weights[r][c] = similarity - 1e-9 * Double(abs(i - j))
                }
            }
            let width = max(new.count, 1)
            let similarities = Dictionary(pairs.map { ($0.0 * width + $0.1, $0.2) }, uniquingKeysWith: max)
            for (r, c) in Assignment.maximumWeight(weights) where weights[r][c] > 0 {
                chosen.append((rows[r], columns[c], similarities[rows[r] * width + columns[c]] ?? weights[r][c]))
            }
        }
        for (i, j, similarity) in chosen.sorted(by: { $0.0 < $1.0 }) {
            add(Unit(old: [i], new: [j], similarity: similarity, exact: false))
        }
    }

    /// The order the greedy pairing takes candidate pairs (old, new, similarity) in: the most
    /// similar first, then the closest in position, then by old and new position.
    static func greedyBefore(_ a: (Int, Int, Double), _ b: (Int, Int, Double)) -> Bool {
        if a.2 != b.2 { return a.2 > b.2 }
        let distanceA = abs(a.0 - a.1)
        let distanceB = abs(b.0 - b.1)
        if distanceA != distanceB { return distanceA < distanceB }
        return (a.0, a.1) < (b.0, b.1)
    }
}
