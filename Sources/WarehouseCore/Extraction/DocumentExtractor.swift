import Foundation

/// Turns the text and barcodes of a scanned paper into a document type and typed fields.
public enum DocumentExtractor {
    /// Classifies the document and extracts the fields of its type (see docs/fields.md); never throws.
    public static func extract(_ input: ExtractionInput) -> Extraction {
        let doc = DocumentText(input)
        var (type, confidence) = DocumentClassifier.classify(doc, barcodes: input.barcodes)
        let fields: FieldBuilder
        switch type {
        case .cccdFront, .cccdBack:
            fields = CCCDExtractor.extract(doc, type: type, barcodes: input.barcodes)
        case .birthCertificate:
            fields = BirthCertificateExtractor.extract(doc)
        case .maritalStatusCertificate:
            fields = MaritalStatusExtractor.extract(doc)
        case .decision, .officialLetter, .directive, .notice, .plan, .report, .submission, .invitation, .administrative:
            // The kind read from the title or the symbol decides among the administrative types.
            (fields, type) = AdministrativeDocumentExtractor.extract(doc, type: type)
        case .applicationForm:
            fields = ApplicationFormExtractor.extract(doc)
        case .other:
            fields = FieldBuilder()
        }
        return Extraction(docType: type, typeConfidence: confidence, fields: fields.fields)
    }
}
