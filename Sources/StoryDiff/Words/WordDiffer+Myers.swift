extension WordDiffer {
    /// Which old tokens a shortest edit script removes and which new tokens it inserts, for two
    /// sequences of interned token ids.
    ///
    /// The algorithm is the one the standard library's `difference(from:)` runs (Swift 6.3, its
    /// linear-space Myers), which the word diff used before on token bodies, with the same
    /// choices at every step: the common prefix and suffix set aside, then Myers' middle snake
    /// (forward and backward greedy searches of depth d meeting in the middle, the forward one
    /// checking the overlap when the box's width - height is odd, the backward one when even)
    /// splits the box into a head and a tail, each trimmed of common ends again; the head is
    /// searched first, the tails wait on a stack. So where several shortest scripts exist it
    /// picks the same one (WordDiffMyersTests checks it against `difference(from:)` on
    /// generated pairs with many ties). Ids are compared as integers: no string hashing or
    /// comparison, no generic code.
    ///
    /// - Complexity: O((n + m) · d) time for n old and m new tokens and an edit distance d, and
    ///   O(n + m) space.
    static func myers(_ old: [Int], _ new: [Int]) -> (removed: [Bool], inserted: [Bool]) {
        var removed = [Bool](repeating: false, count: old.count)
        var inserted = [Bool](repeating: false, count: new.count)
        // The frontiers and the edit marks through raw buffers: no bounds or uniqueness checks in
        // the inner loops (every index is inside them: diagonals within ±(n + m) of the offset).
        let offset = old.count + new.count + 1
        let frontiers = UnsafeMutableBufferPointer<Int>.allocate(capacity: 2 * (2 * offset + 1))
        frontiers.initialize(repeating: 0)
        defer { frontiers.deallocate() }
        old.withUnsafeBufferPointer { old in
            new.withUnsafeBufferPointer { new in
                removed.withUnsafeMutableBufferPointer { removed in
                    inserted.withUnsafeMutableBufferPointer { inserted in
                        let search = MiddleSnakeSearch(old: old, new: new, removed: removed, inserted: inserted,
                                                       frontiers: frontiers, offset: offset)
                        search.run()
                    }
                }
            }
        }
        return (removed, inserted)
    }
}

/// The state of one linear-space Myers search (`WordDiffer.myers`): the two id sequences, the
/// forward and backward frontiers (one raw buffer each, indexed by diagonal), and the
/// edits found so far.
struct MiddleSnakeSearch {
    /// A region of the edit graph: old tokens left..<right, new tokens top..<bottom.
    struct Box {
        var left: Int
        var top: Int
        var right: Int
        var bottom: Int
        var width: Int { right - left }
        var height: Int { bottom - top }
        var size: Int { width + height }
        var delta: Int { width - height }
        var isOdd: Bool { !delta.isMultiple(of: 2) }
    }

    let old: UnsafeBufferPointer<Int>
    let new: UnsafeBufferPointer<Int>
    let removed: UnsafeMutableBufferPointer<Bool>
    let inserted: UnsafeMutableBufferPointer<Bool>
    /// forward[k]: the furthest old position reached on diagonal k (x - y = k + left - top).
    let forward: UnsafeMutablePointer<Int>
    /// backward[c]: the highest new position reached on backward diagonal c.
    let backward: UnsafeMutablePointer<Int>

    /// A search writing its marks into `removed` and `inserted`, with `frontiers` (at least
    /// 2 · (2 · offset + 1) entries, offset = n + m + 1) for its two frontiers.
    init(old: UnsafeBufferPointer<Int>, new: UnsafeBufferPointer<Int>, removed: UnsafeMutableBufferPointer<Bool>,
         inserted: UnsafeMutableBufferPointer<Bool>, frontiers: UnsafeMutableBufferPointer<Int>, offset: Int) {
        self.old = old
        self.new = new
        self.removed = removed
        self.inserted = inserted
        // Two frontiers of 2 · offset + 1 entries each, each pointer at its diagonal 0 (so diagonals
        // from -offset to offset index it directly); the buffer is never empty (offset >= 1).
        forward = frontiers.baseAddress.unsafelyUnwrapped + offset
        backward = forward + (2 * offset + 1)
    }

    /// The box without the common tokens at its two ends.
    func trimmed(_ box: Box) -> Box {
        var box = box
        while box.left < box.right, box.top < box.bottom, old[box.left] == new[box.top] {
            box.left += 1
            box.top += 1
        }
        while box.right > box.left, box.bottom > box.top, old[box.right - 1] == new[box.bottom - 1] {
            box.right -= 1
            box.bottom -= 1
        }
        return box
    }

    /// Marks one edit: a removal of old token `index` or an insertion of new token `index`.
    func mark(insertion: Bool, _ index: Int) {
        if insertion { inserted[index] = true } else { removed[index] = true }
    }

    /// Finds the edits of the whole graph, box by box: each middle snake gives one edit and
    /// splits its box in two; heads first, tails from a stack.
    func run() {
        var stack: [Box] = []
        var current = trimmed(Box(left: 0, top: 0, right: old.count, bottom: new.count))
        while true {
            guard let snake = middleSnake(current) else {
                guard let next = stack.popLast() else { return }
                current = next
                continue
            }
            let head = trimmed(Box(left: current.left, top: current.top, right: snake.left, bottom: snake.top))
            let tail = trimmed(Box(left: snake.right, top: snake.bottom, right: current.right, bottom: current.bottom))
            current = head
            stack.append(tail)
        }
    }

    /// The middle snake of `box` (after marking the edit that leads onto it), or nil when the
    /// box holds at most one edit (marked here).
    func middleSnake(_ box: Box) -> Box? {
        guard box.size > 1 else {
            if box.size == 1 { mark(insertion: box.width != 1, box.width == 1 ? box.left : box.top) }
            return nil
        }
        forward[1] = box.left
        backward[1] = box.bottom
        for depth in 0...((box.size + 1) / 2) {
            if box.isOdd {
                if let snake = forwardStep(box, depth: depth) { return snake }
                _ = backwardStep(box, depth: depth)
            } else {
                _ = forwardStep(box, depth: depth)
                if let snake = backwardStep(box, depth: depth) { return snake }
            }
        }
        // Two searches of depth (size + 1) / 2 always meet.
        return nil
    }

    /// One round of the forward search; in an odd box, the snake where it meets the backward
    /// search, its edit marked.
    @inline(__always)
    func forwardStep(_ box: Box, depth: Int) -> Box? {
        let (boxLeft, boxTop, boxRight, boxBottom, odd, delta) = (box.left, box.top, box.right, box.bottom, box.isOdd,
                                                                  box.delta)
        var k = depth + 2
        while k > -depth {
            k -= 2
            var right: Int
            var bottom: Int
            let left: Int
            let insertion: Bool
            let editIndex: Int
            if k == -depth || (k != depth && forward[k - 1] < forward[k + 1]) {
                right = forward[k + 1]
                left = right
                bottom = boxTop + (right - boxLeft) - k
                insertion = true
                editIndex = bottom - 1
            } else {
                left = forward[k - 1]
                right = left + 1
                bottom = boxTop + (right - boxLeft) - k
                insertion = false
                editIndex = left
            }
            let top = depth == 0 || right != left ? bottom : bottom - 1
            while right < boxRight, bottom < boxBottom, old[right] == new[bottom] {
                right += 1
                bottom += 1
            }
            forward[k] = right
            guard odd else { continue }
            let c = k - delta
            if c >= -(depth - 1), c <= depth - 1, bottom >= backward[c] {
                mark(insertion: insertion, editIndex)
                return Box(left: left, top: top, right: right, bottom: bottom)
            }
        }
        return nil
    }

    /// One round of the backward search; in an even box, the snake where it meets the forward
    /// search, its edit marked.
    @inline(__always)
    func backwardStep(_ box: Box, depth: Int) -> Box? {
        let (boxLeft, boxTop, odd, delta) = (box.left, box.top, box.isOdd, box.delta)
        var c = depth + 2
        while c > -depth {
            c -= 2
            let k = c + delta
            var left: Int
            var top: Int
            let bottom: Int
            let insertion: Bool
            let editIndex: Int
            if c == -depth || (c != depth && backward[c - 1] > backward[c + 1]) {
                top = backward[c + 1]
                bottom = top
                left = boxLeft + (top - boxTop) + k
                insertion = false
                editIndex = left
            } else {
                bottom = backward[c - 1]
                top = bottom - 1
                left = boxLeft + (top - boxTop) + k
                insertion = true
                editIndex = top
            }
            let right = depth == 0 || top != bottom ? left : left + 1
            while left > boxLeft, top > boxTop, old[left - 1] == new[top - 1] {
                left -= 1
                top -= 1
            }
            backward[c] = top
            guard !odd else { continue }
            if k >= -depth, k <= depth, left <= forward[k] {
                mark(insertion: insertion, editIndex)
                return Box(left: left, top: top, right: right, bottom: bottom)
            }
        }
        return nil
    }
}
