import Foundation
import Hummingbird
import WarehouseCore
import WarehouseImaging

/// `/verify`: anyone checks a seal from a photo, a scan, or the URL in its QR.
struct VerifyController {
    let services: ServerServices
    var pages: Pages { Pages(services: services) }

    func addRoutes(to router: Router<AppContext>) {
        router.get("/verify") { _, context in pages.render("verify", title: "Kiểm tra mã QR", [:], context: context) }
        router.post("/verify") { request, context -> Response in
            let check = try await verify(request, context)
            let fields: [[String: Any]] = check.fields.sorted { $0.key < $1.key }.map { ["name": $0.key, "value": $0.value] }
            let texts = [
                "valid": "Hợp lệ (valid)", "invalid-signature": "Chữ ký không khớp (invalid signature)",
                "unknown-key": "Khóa ký không rõ (unknown key)", "malformed": "Không đọc được mã (malformed)",
                "expired": "Hết hiệu lực (expired)", "revoked": "Đã thu hồi (revoked)",
            ]
            let data: [String: Any] = [
                "check": ["verdict": check.verdict.rawValue, "verdictText": texts[check.verdict.rawValue] ?? "", "reason": check.reason, "fields": fields]
            ]
            return pages.render("verify", title: "Kiểm tra mã QR", data, context: context)
        }
        router.post("/api/verify") { request, context in try Pages.json(try await verify(request, context)) }
    }

    /// Reads a seal from an uploaded file or a `payload` field, checks it offline, then against the warehouse.
    func verify(_ request: Request, _ context: AppContext) async throws -> SealCheck {
        do {
            try services.verifyGate.admit(context.clientAddress)
        } catch .tooMany(let retryAfter) {
            throw APIError(
                .tooManyRequests, "too-many-checks",
                "Máy này đã gửi quá nhiều yêu cầu kiểm tra; thử lại sau \(retryAfter) giây (too many checks from this address).")
        } catch {
            throw APIError(.serviceUnavailable, "busy", "Máy chủ đang bận; thử lại sau ít giây (the server is busy).")
        }
        guard let keys = try SealKeyStore(directory: services.layout.keys).publicKeys() else {
            throw APIError(.serviceUnavailable, "no-keys", "This warehouse has no seal keys yet.")
        }
        var payload: String?
        var fileURL: URL?
        let scratch = services.layout.newScratch("verify")
        defer { try? FileManager.default.removeItem(at: scratch) }
        if request.headers[.contentType]?.lowercased().hasPrefix("multipart/form-data") == true {
            let upload = try await MultipartUpload.read(request, into: scratch, maxBytes: 32 << 20)
            payload = upload.fields["payload"].flatMap { $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : $0 }
            fileURL = upload.files.first(where: { $0.size > 0 })?.url
        } else if request.headers[.contentType]?.lowercased().hasPrefix("application/json") == true {
            struct Body: Decodable { var payload: String }
            let buffer = try await request.body.collect(upTo: 16 << 10)
            do {
                payload = try JSONDecoder().decode(Body.self, from: Data(buffer.readableBytesView)).payload
            } catch {
                throw APIError(.badRequest, "bad-json", "The body must be JSON: {\"payload\": \"VNQR1|…\"}.")
            }
        } else {
            payload = try await formFields(request)["payload"]
        }
        if payload == nil, let fileURL {
            let reader = SealReader(decoder: ScanDecoder(), barcodes: ZBarReader(persistent: true))
            // On the gate's few threads, within the pixels a seal needs: a flood of large images waits its
            // turn or is turned away, and the rest of the server keeps answering.
            let read: Result<String?, DecodeError>
            do {
                read = try await services.verifyGate.run {
                    Result { () throws(DecodeError) -> String? in try reader.seals(in: fileURL, limits: .forSeals).first }
                }
            } catch {
                throw APIError(.serviceUnavailable, "busy", "Máy chủ đang kiểm tra nhiều tệp; thử lại sau ít giây (the server is busy checking files).")
            }
            switch read {
            case .success(let found): payload = found
            case .failure(let error):
                // Not a photo or scan we can read (a text file, a damaged PDF): a verdict, not a server error.
                return SealCheck(verdict: .malformed, reason: "no seal could be read from the file: \(error.description)", fields: [:], payload: nil, online: nil)
            }
        }
        guard let payload else {
            return SealCheck(verdict: .malformed, reason: "no seal QR code was found", fields: [:], payload: nil, online: nil)
        }
        var check = SealVerifier(keys: keys).check(payload)
        if check.verdict != .malformed, let code = check.fields["resultCode"] {
            let record = try services.store.result(code)
            // A PDF is a digital copy: it is the issued file or it is not. A photo or a scan never has the same
            // bytes, so nothing is said of one.
            var fileMatches: Bool?
            if let fileURL, let record, InputFormat.of(file: fileURL) == .pdf, let digest = try? BlobID.ofFile(fileURL) {
                fileMatches = digest.hex == record.sealedBlobId || digest.hex == record.originalBlobId
            }
            check.apply(warehouse: record, fileMatches: fileMatches)
        }
        services.metrics.verified(check.verdict.rawValue)
        return check
    }
}
