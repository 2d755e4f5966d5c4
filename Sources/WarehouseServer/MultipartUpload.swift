import Foundation
import Hummingbird
import MultipartKit

/// A `multipart/form-data` body read as it arrives: file parts go straight to disk, small text fields
/// are kept, and nothing larger than the limit is accepted (413).
struct MultipartUpload {
    struct File {
        var fieldName: String
        /// The name the browser gave; used for display only, never as a path.
        var fileName: String
        var url: URL
        var size: Int
    }

    var fields: [String: String] = [:]
    var files: [File] = []

    /// Reads the whole body into `directory` (created if needed); the caller removes the files.
    static func read(_ request: Request, into directory: URL, maxBytes: Int) async throws -> MultipartUpload {
        guard let contentType = request.headers[.contentType], contentType.lowercased().hasPrefix("multipart/form-data"),
            let boundary = boundary(of: contentType)
        else {
            throw APIError(.unsupportedMediaType, "multipart-required", "Send the files as multipart/form-data.")
        }
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let state = UploadState(directory: directory)
        let parser = MultipartParser(boundary: boundary)
        parser.onHeader = { name, value in state.header(name, value) }
        parser.onBody = { buffer in state.body(&buffer) }
        parser.onPartComplete = { state.complete() }
        var total = 0
        do {
            for try await buffer in request.body {
                total += buffer.readableBytes
                if total > maxBytes {
                    state.abandon()
                    throw APIError(
                        .contentTooLarge, "too-large", "The upload is larger than \(maxBytes / (1 << 20)) MiB; send fewer or smaller files.")
                }
                try parser.execute(buffer)
                if let error = state.error { throw error }
            }
        } catch let error as APIError {
            state.abandon()
            throw error
        } catch {
            state.abandon()
            throw APIError(.badRequest, "bad-multipart", "The upload could not be read (\(type(of: error))); send it again.")
        }
        return MultipartUpload(fields: state.fields, files: state.files)
    }

    static func boundary(of contentType: String) -> String? {
        for part in contentType.split(separator: ";") {
            let kv = part.trimmingCharacters(in: .whitespaces)
            if kv.lowercased().hasPrefix("boundary=") {
                return String(kv.dropFirst("boundary=".count)).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            }
        }
        return nil
    }
}

/// The parser's callbacks write here (one request, one task: no sharing).
private final class UploadState {
    let directory: URL
    var fields: [String: String] = [:]
    var files: [MultipartUpload.File] = []
    var error: APIError?
    private var name: String?
    private var fileName: String?
    private var handle: FileHandle?
    private var url: URL?
    private var size = 0
    private var text = Data()

    init(directory: URL) {
        self.directory = directory
    }

    func header(_ name: String, _ value: String) {
        guard name.lowercased() == "content-disposition" else { return }
        self.name = Self.parameter("name", in: value)
        self.fileName = Self.parameter("filename", in: value)
        if let fileName, !fileName.isEmpty {
            let url = directory.appendingPathComponent(UUID().uuidString)
            _ = FileManager.default.createFile(atPath: url.path, contents: nil)
            self.url = url
            handle = FileHandle(forWritingAtPath: url.path)
        }
    }

    func body(_ buffer: inout ByteBuffer) {
        let bytes = buffer.readBytes(length: buffer.readableBytes) ?? []
        if let handle {
            handle.write(Data(bytes))
            size += bytes.count
        } else if text.count + bytes.count <= 64 << 10 {
            text.append(contentsOf: bytes)
        } else {
            error = APIError(.contentTooLarge, "field-too-large", "A form field is longer than 64 KiB.")
        }
    }

    func complete() {
        if let handle, let url {
            try? handle.synchronize()
            try? handle.close()
            files.append(.init(fieldName: name ?? "", fileName: fileName ?? "", url: url, size: size))
        } else if let name {
            fields[name] = String(decoding: text, as: UTF8.self)
        }
        name = nil
        fileName = nil
        handle = nil
        url = nil
        size = 0
        text = Data()
    }

    func abandon() {
        try? handle?.close()
        for file in files { try? FileManager.default.removeItem(at: file.url) }
        if let url { try? FileManager.default.removeItem(at: url) }
    }

    /// `name="x"` in a Content-Disposition value.
    static func parameter(_ key: String, in value: String) -> String? {
        for part in value.split(separator: ";") {
            let kv = part.trimmingCharacters(in: .whitespaces)
            guard kv.lowercased().hasPrefix(key + "=") else { continue }
            var v = String(kv.dropFirst(key.count + 1))
            if v.hasPrefix("\""), v.hasSuffix("\""), v.count >= 2 { v = String(v.dropFirst().dropLast()) }
            return v
        }
        return nil
    }
}
