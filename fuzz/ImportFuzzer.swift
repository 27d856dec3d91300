// libFuzzer target: the importer's fast path (FastBody) against its reference path (Envelope.parse
// and RecordMapper) on mutated bodies, by the comparison the differential test runs
// (FastPathCheck). Built by fuzz/run.sh against the package's modules; not part of the package.
import DeskstatImport

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzImport(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    if case .different(let difference) = FastPathCheck.compare(bytes) {
        // A crash is how libFuzzer records an input: it saves it to fuzz/work/crash-*.
        fatalError("the fast path differs from the reference path: \(difference)")
    }
    return 0
}
