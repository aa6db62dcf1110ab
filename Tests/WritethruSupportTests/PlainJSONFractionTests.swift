import Testing
import WritethruSupport

/// Numbers with a fraction or an exponent are read only when asked for, by JSON's grammar.
@Suite struct PlainJSONFractionTests {
    @Test(arguments: [("0.5", 0.5), ("-0.25", -0.25), ("1e5", 100_000), ("2.5E-1", 0.25), ("1E+2", 100),
                      ("0.30000000000000004", 0.30000000000000004), ("4.9406564584124654e-324", .leastNonzeroMagnitude)])
    func fractionsAreReadWhenAskedFor(text: String, value: Double) {
        #expect(PlainJSONValue.parse(Array(text.utf8), fractions: true) == .fraction(value))
        #expect(PlainJSONValue.parse(Array(text.utf8)) == nil)
    }

    @Test(arguments: ["01.5", "1.", ".5", "-", "1e", "1e+", "+1", "1.5.2", "1e999", "-1e999", "0x10"])
    func whatIsNotAJSONNumberIsRefused(text: String) {
        #expect(PlainJSONValue.parse(Array(text.utf8), fractions: true) == nil)
    }

    @Test func wholeNumbersStayIntegers() {
        #expect(PlainJSONValue.parse(Array("[7, -3, 0]".utf8), fractions: true) == .array([.integer(7), .integer(-3), .integer(0)]))
        #expect(PlainJSONValue.integer(4).number == 4)
        #expect(PlainJSONValue.fraction(0.5).number == 0.5)
        #expect(PlainJSONValue.string("4").number == nil)
    }

    @Test func membersAreSetInPlaceAndAppended() {
        var object: PlainJSONObject = ["a": .integer(1), "b": .integer(2)]
        object["a"] = .integer(3)
        object["c"] = .null
        object["b"] = nil
        #expect(object.entries.map(\.key) == ["a", "c"])
        #expect(object["a"] == .integer(3))
    }
}
