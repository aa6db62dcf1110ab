/// Case and digit tests on scalars, for the sentence segmenter.
extension Unicode.Scalar {
    var isUppercase: Bool { properties.isUppercase }
    var isLowercase: Bool { properties.isLowercase }
    var isNumber: Bool { properties.numericType != nil }
}
