// libFuzzer target for the server's multipart parser (Sources/WarehouseServer/MultipartStream.swift, compiled in
// as it is). Built and run by bench/fuzz/run.sh. The first byte of an input sets the size of the pieces the body
// arrives in, so that coverage also reaches delimiters and headers split across reads.
import Foundation

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMultipart(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard let first = bytes.first else { return 0 }
    let body = bytes.dropFirst()
    let parser = MultipartStream(boundary: "b")
    var bodyBytes = 0
    parser.onBody = { bodyBytes += $0.count }
    parser.onHeader = { name, _ in precondition(!name.isEmpty && name.utf8.allSatisfy { $0 > 0x20 && $0 < 0x7F }) }
    do {
        let step = max(1, Int(first))
        var i = body.startIndex
        while i < body.endIndex {
            let j = min(body.endIndex, i + step)
            try parser.execute(body[i..<j])
            i = j
        }
    } catch {
        return 0
    }
    // Body bytes never exceed what came in.
    precondition(bodyBytes <= body.count)
    return 0
}
