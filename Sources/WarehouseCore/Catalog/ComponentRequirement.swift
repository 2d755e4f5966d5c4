import Foundation

/// A document of the owner's that could stand for a component of a new dossier, and on what basis.
public struct ReuseCandidate: Codable, Sendable, Equatable {
    public var documentId: String
    public var documentCode: String
    public var title: String
    public var docType: String
    /// Why it may stand for the component: the accepted result type (`KQ.G15.000031`), or the accepted document type.
    public var basis: String
    /// The issued result that stands for it, when the basis is a sealed result.
    public var resultCode: String?
    /// The last day it is valid (yyyy-MM-dd): the result's, or its issue date plus the result type's validity.
    public var validUntil: String?
    /// Whether it is permanent (a result issued as such, or a result type without a validity period).
    public var permanent: Bool
    /// As of the day asked for: only `valid` and `expiring` candidates may be reused.
    public var validity: ResultValidity

    /// Whether it may be attached today.
    public var usable: Bool { validity == .valid || validity == .expiring }
}

/// One component a procedure asks for, as it stands in a dossier: whether a document stands for it, and which of
/// the owner's filed documents could (DESIGN.md §5: reuse across procedures, driven by the component spec).
public struct ComponentRequirement: Codable, Sendable, Equatable {
    /// A document of the dossier that stands for the component.
    public struct Present: Codable, Sendable, Equatable {
        public var documentId: String
        public var documentCode: String
        /// The component's name in the dossier.
        public var component: String
    }

    public var code: String
    public var name: String
    public var required: Bool
    public var acceptsResultTypes: [String]
    public var acceptsDocTypes: [String]
    /// The dossier's documents that stand for it: filed under its name, or of a type it accepts.
    public var present: [Present]
    /// The owner's documents that may stand for it today and are not in the dossier yet; offered only while it is missing.
    public var candidates: [ReuseCandidate]
    /// The owner's documents of an accepted type that may not: expired or revoked (shown, not offered).
    public var unusable: [ReuseCandidate]

    public var isPresent: Bool { !present.isEmpty }

    /// The requirements of `rules` for a dossier holding `components`, whose owner has filed `documents`, on `day`.
    public static func evaluate(
        _ rules: ComponentRules, components: [(ComponentRecord, DocumentRecord)], documents: [DocumentSummary], on day: CalendarDate
    ) -> [ComponentRequirement] {
        let attached = Set(components.map(\.1.id))
        return rules.components.map { spec in
            let types = Self.docTypes(of: spec, rules)
            let present = components
                .filter { component, document in Self.sameName(component.name, spec.name) || types.contains(document.docType) }
                .map { Present(documentId: $1.id, documentCode: $1.code, component: $0.name) }
            var candidates: [ReuseCandidate] = []
            var unusable: [ReuseCandidate] = []
            for document in documents where !attached.contains(document.id) {
                guard let candidate = Self.candidate(document, for: spec, rules, on: day) else { continue }
                if candidate.usable { candidates.append(candidate) } else { unusable.append(candidate) }
            }
            // Sealed results first, then the newest.
            candidates.sort { ($0.resultCode == nil ? 1 : 0) < ($1.resultCode == nil ? 1 : 0) }
            return ComponentRequirement(
                code: spec.code, name: spec.name, required: spec.required, acceptsResultTypes: spec.acceptsResultTypes,
                acceptsDocTypes: spec.acceptsDocTypes, present: present, candidates: present.isEmpty ? candidates : [],
                unusable: present.isEmpty ? unusable : [])
        }
    }

    /// The document types that stand for `spec`: those it names, and those of the result types it accepts.
    static func docTypes(of spec: CatalogComponent, _ rules: ComponentRules) -> Set<String> {
        Set(spec.acceptsDocTypes + spec.acceptsResultTypes.compactMap { rules.resultTypes[$0]?.docType })
    }

    /// Names compared as people type them: case, spacing and Unicode form aside.
    static func sameName(_ a: String, _ b: String) -> Bool {
        func norm(_ s: String) -> String {
            s.precomposedStringWithCanonicalMapping.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
        }
        return norm(a) == norm(b)
    }

    /// How `document` may stand for `spec`, if it may: by an issued result of an accepted type (the latest), by an
    /// accepted document type, or by the document type of an accepted result type (valid for that type's period from
    /// the date the paper was issued).
    static func candidate(_ document: DocumentSummary, for spec: CatalogComponent, _ rules: ComponentRules, on day: CalendarDate)
        -> ReuseCandidate?
    {
        func make(basis: String, result: ResultSummary?, until: String?, permanent: Bool, validity: ResultValidity) -> ReuseCandidate {
            ReuseCandidate(
                documentId: document.id, documentCode: document.code, title: document.title, docType: document.docType, basis: basis,
                resultCode: result?.resultCode, validUntil: until, permanent: permanent, validity: validity)
        }
        if let result = document.results.last(where: { spec.acceptsResultTypes.contains($0.resultType) }) {
            return make(basis: result.resultType, result: result, until: result.validUntil, permanent: result.permanent, validity: result.validity)
        }
        // A document whose own results were revoked or have expired stands for nothing.
        let worst = document.results.map(\.validity).first { $0 == .revoked || $0 == .expired }
        if spec.acceptsDocTypes.contains(document.docType) {
            return make(basis: document.docType, result: nil, until: nil, permanent: false, validity: worst ?? .valid)
        }
        for code in spec.acceptsResultTypes {
            guard let type = rules.resultTypes[code], type.docType == document.docType else { continue }
            guard let months = type.validityMonths else {
                return make(basis: code, result: nil, until: nil, permanent: true, validity: worst ?? .valid)
            }
            let until = document.issuedOn.flatMap(CalendarDate.init(iso:))?.adding(months: months).iso
            let validity = worst ?? ResultValidity.of(revoked: false, permanent: false, validUntil: until, on: day)
            return make(basis: code, result: nil, until: until, permanent: false, validity: validity)
        }
        return nil
    }
}
