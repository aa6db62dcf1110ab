#if WRITETHRU_LIBFUZZER
/// libFuzzer's entry point: built only by `make fuzz` (with `-sanitize=fuzzer,address` and
/// `-DWRITETHRU_LIBFUZZER`).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data, size > 0 else { return 0 }
    FuzzInput.run(Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}

/// libFuzzer's driver (compiler-rt's FuzzerDriver.cpp), which parses libFuzzer's options and
/// runs the fuzzing loop.
@_silgen_name("LLVMFuzzerRunDriver")
private func runDriver(_ argc: UnsafeMutablePointer<CInt>,
                       _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                       _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt

/// SwiftPM links an executable target with `main` aliased to `<module>_main` (so that tests can
/// link the module), which keeps libFuzzer's own `main` out: this is that entry point, and it
/// hands the command line to libFuzzer's driver as libFuzzer's `main` would.
@_cdecl("writethru_fuzz_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    return runDriver(&count, &arguments) { data, size in fuzz(data, size) }
}
#endif
