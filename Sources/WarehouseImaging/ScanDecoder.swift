import Foundation
import WarehouseCore

/// The real decoder: Leptonica for images, poppler for PDF.
public struct ScanDecoder: DocumentDecoder {
    public init() {}

    public func open(_ file: URL, format: InputFormat, limits: DecodeLimits) throws(DecodeError) -> any DecodedDocument {
        switch format {
        case .pdf: try PDFDocument(file: file, limits: limits)
        case .png, .jpeg, .tiff: try ImageFileDocument(file: file, format: format, limits: limits)
        }
    }
}
