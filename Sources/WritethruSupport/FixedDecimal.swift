#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A number written with a fixed count of decimals, exactly as C's `printf("%.Nf")` writes it
/// (rounded to nearest, ties to even, on the number's exact binary value), without
/// `String(format:)`: that goes through Foundation's format parser and a `CVarArg` list, about
/// a quarter of a millisecond the first time in a process.
public enum FixedDecimal {
    /// `value` with `places` decimals (0 to 9). Values beyond 2^53 / 10^places, infinities
    /// and NaN are written by `String(describing:)`.
    /// - Complexity: O(places).
    public static func format(_ value: Double, places: Int) -> String {
        precondition((0...9).contains(places), "FixedDecimal: 0 to 9 places")
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        let magnitude = abs(value)
        guard magnitude.isFinite, magnitude * scale < 9_007_199_254_740_992 else { return String(describing: value) }
        // The product rounded, and its rounding error (exact, by fused multiply-add): a product
        // that lands on a half is rounded by which side of it the exact product lies.
        let product = magnitude * scale
        let error = fma(magnitude, scale, -product)
        var units = product.rounded(.toNearestOrEven)
        if product - product.rounded(.towardZero) == 0.5, error != 0 {
            units = error > 0 ? product.rounded(.up) : product.rounded(.down)
        }
        let whole = UInt64(units)
        var digits = String(whole)
        if places > 0 {
            if digits.count <= places { digits = String(repeating: "0", count: places + 1 - digits.count) + digits }
            digits.insert(".", at: digits.index(digits.endIndex, offsetBy: -places))
        }
        return (value.sign == .minus ? "-" : "") + digits  // as printf: -0.001 is "-0.00"
    }
}
