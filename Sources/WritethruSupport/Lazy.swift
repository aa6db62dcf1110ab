import Foundation

/// A value computed once, when first asked for, by whichever thread asks first. Copies of a
/// struct holding one share it.
public final class Lazy<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var computed: Value?
    private let compute: @Sendable () -> Value

    /// A value already known.
    public init(_ value: Value) {
        computed = value
        compute = { value }
    }

    public init(computing: @escaping @Sendable () -> Value) {
        compute = computing
    }

    public var value: Value {
        lock.withLock {
            if let computed { return computed }
            let value = compute()
            computed = value
            return value
        }
    }
}
