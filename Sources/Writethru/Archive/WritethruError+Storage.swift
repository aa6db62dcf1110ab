/// Runs `body`, a call into GitStore (libgit2), and reports what it throws as a storage error
/// (exit 74): "`context`: libgit2's message", or libgit2's message alone when `context` is nil.
/// A `WritethruError` thrown inside `body` passes through unchanged, so a body may refuse
/// something itself. The one place git errors become Writethru errors.
func inStorage<Result>(_ context: @autoclosure () -> String? = nil,
                       _ body: () throws -> Result) throws(WritethruError) -> Result {
    do {
        return try body()
    } catch let error as WritethruError {
        throw error
    } catch {
        throw .storage(context().map { "\($0): \(error)" } ?? "\(error)")
    }
}

extension WritethruError {
    /// What a storage error says, without the "storage error:" a message that quotes it adds
    /// itself; any other error's description.
    var reason: String {
        if case .storage(let message) = self { return message }
        return description
    }
}
