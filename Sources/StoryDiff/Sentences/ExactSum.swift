/// A sum of doubles that does not depend on the order of its terms: each term is rounded to a
/// multiple of 2^-32 and the multiples are added as integers, which is exact.
///
/// The weights of a bag of words are summed over a `Dictionary`, whose order of iteration
/// changes from one process to the next (Swift seeds its hashing per process). Added as
/// doubles, the same terms in another order can differ in the last bit, and that bit broke the
/// tie between two equally similar sentences differently from run to run: the same `diff` of
/// the same two versions paired a rewrite with one old sentence or the other
/// (`InformativeWeightsTests`). A total of 2^31 or more (far beyond any story's weights) falls
/// back to adding doubles.
///
/// - Complexity: O(1) a term.
struct ExactSum {
    private static let scale = 4_294_967_296.0  // 2^32
    private var units: Int64 = 0
    private var overflow: Double?

    mutating func add(_ term: Double) {
        if let partial = overflow {
            overflow = partial + term
            return
        }
        let scaled = (term * Self.scale).rounded()
        guard scaled.magnitude < 9.0e18 else { return fallBack(adding: term) }
        let (sum, overflowed) = units.addingReportingOverflow(Int64(scaled))
        if overflowed { return fallBack(adding: term) }
        units = sum
    }

    private mutating func fallBack(adding term: Double) {
        overflow = Double(units) / Self.scale + term
    }

    var value: Double { overflow ?? Double(units) / Self.scale }
}
