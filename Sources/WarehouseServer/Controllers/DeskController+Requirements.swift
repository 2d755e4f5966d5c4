import Foundation
import Hummingbird
import WarehouseCore

/// What the catalogue's component specs change at the desk: the dossier page lists the components the procedure
/// requires, whether each is present, and which of the owner's documents may stand for it; attaching one names
/// the component. Without a spec for the dossier's procedure the desk works as before.
extension DeskController {
    /// The requirements of a dossier and its procedure's rules; nil when the catalogue has no spec for the procedure.
    /// The owner's documents are weighed as candidates only once the owner is present or has agreed.
    func requirements(_ dossier: Dossier) async throws -> (ComponentRules, [ComponentRequirement], documents: [DocumentSummary])? {
        guard let rules = try store.componentRules(procedure: dossier.procedureCode) else { return nil }
        let granted = !(try store.reuseGrants(dossier: dossier.code)).isEmpty
        let documents = granted ? try await store.personalStore(ownerPartyId: dossier.ownerPartyId).documents : []
        let evaluated = ComponentRequirement.evaluate(
            rules, components: try store.components(dossier: dossier.code), documents: documents, on: .todayInVietnam)
        return (rules, evaluated, documents)
    }

    /// The page's data for the requirements section (`dossier-requirements.mustache`): `hasSpec` and `requirements`.
    func requirementsData(_ dossier: Dossier) async throws -> [String: Any] {
        guard case let (rules, requirements, documents)? = try await requirements(dossier) else { return ["hasSpec": false] }
        let offered = OfferedDocument.index(documents, dossier: dossier.code)
        let rows: [[String: Any]] = requirements.map { r in
            func candidate(_ c: ReuseCandidate) -> [String: Any] {
                let o = offered(c)
                let v = Pages.validity(c.validity, permanent: c.permanent, until: c.validUntil)
                var row: [String: Any] = [
                    "ref": o.reference, "title": c.title, "basis": c.basis, "dossier": dossier.code, "componentCode": r.code,
                    "validity": v.text, "validityClass": v.cls,
                ]
                // Mustache shows a section for an empty string too: what is unknown is left out.
                if let number = o.number, !number.isEmpty { row["number"] = number }
                if let issued = o.issuedOn, !issued.isEmpty { row["issuedOn"] = issued }
                return row
            }
            let accepts = (r.acceptsResultTypes + r.acceptsDocTypes).joined(separator: ", ")
            var row: [String: Any] = [
                "code": r.code, "name": r.name, "required": r.required, "present": r.isPresent,
                "presentDocuments": r.present.map { ["id": $0.documentId, "code": $0.documentCode, "component": $0.component] },
                "candidates": r.candidates.map(candidate), "unusable": r.unusable.map(candidate),
                "noCandidate": !r.isPresent && r.candidates.isEmpty,
            ]
            // Mustache takes an empty string for true: leave the key out instead.
            if !accepts.isEmpty { row["accepts"] = accepts }
            return row
        }
        return ["hasSpec": true, "requirements": rows, "procedureName": rules.procedure?.name ?? ""]
    }

    /// GET /api/dossiers/:code/requirements: the same, as JSON.
    func requirementsJSON(_ context: AppContext) async throws -> Response {
        let (_, dossier) = try ownDossier(try context.parameters.require("code"), context)
        let found = try await requirements(dossier)
        let offered = OfferedDocument.index(found?.documents ?? [], dossier: dossier.code)
        return try Pages.json(
            DossierRequirements(
                dossier: dossier.code, procedure: dossier.procedureCode, procedureName: found?.0.procedure?.name, hasSpec: found != nil,
                reuseGranted: !(try store.reuseGrants(dossier: dossier.code)).isEmpty,
                components: (found?.1 ?? []).map { RequirementView($0, offered: offered) }))
    }

    /// The component name under which `document` is attached when the form names a component of the spec
    /// (`componentCode`); nil when it names none (the form's `component`, or the title, as before). The document
    /// must be one the spec lets stand for that component today.
    func specComponentName(_ form: [String: String], dossier: Dossier, document id: String) async throws -> String? {
        guard let code = form["componentCode"]?.trimmingCharacters(in: .whitespaces), !code.isEmpty else { return nil }
        guard case let (_, requirements, _)? = try await requirements(dossier), let requirement = requirements.first(where: { $0.code == code }) else {
            throw APIError(.badRequest, "unknown-component", "The procedure \(dossier.procedureCode) has no component \(code) in the catalogue.")
        }
        guard requirement.candidates.contains(where: { $0.documentId == id }) else {
            let accepted = requirement.acceptsResultTypes + requirement.acceptsDocTypes
            throw APIError(
                .unprocessableContent, "not-accepted",
                accepted.isEmpty
                    ? "No earlier document can stand for \(requirement.name): upload a scan of the paper."
                    : "This document cannot stand for \(requirement.name): it must be of \(accepted.joined(separator: ", ")), still valid, and not yet in the dossier.")
        }
        return requirement.name
    }
}

/// The components a dossier's procedure requires, for `GET /api/dossiers/{code}/requirements`.
struct DossierRequirements: Encodable {
    var dossier: String
    var procedure: String
    var procedureName: String?
    /// False when the catalogue has no component spec for the procedure: `components` is then empty.
    var hasSpec: Bool
    /// Whether the owner is recorded present or agreeing: until then no earlier document is offered.
    var reuseGranted: Bool
    var components: [RequirementView]
}

/// A component of the spec as the API shows it: the owner's documents that may stand for it are named by their
/// reference in this dossier's list, not by their ids.
struct RequirementView: Encodable {
    var code: String
    var name: String
    var required: Bool
    var acceptsResultTypes: [String]
    var acceptsDocTypes: [String]
    var present: [ComponentRequirement.Present]
    var candidates: [OfferedDocument]
    var unusable: [OfferedDocument]

    init(_ r: ComponentRequirement, offered: (ReuseCandidate) -> OfferedDocument) {
        (code, name, required, acceptsResultTypes, acceptsDocTypes, present) = (r.code, r.name, r.required, r.acceptsResultTypes, r.acceptsDocTypes, r.present)
        candidates = r.candidates.map(offered)
        unusable = r.unusable.map(offered)
    }
}

/// One of the owner's documents offered for a component: what the clerk needs to choose it.
struct OfferedDocument: Encodable {
    /// Names the document in this dossier's list only (`POST /desk/dossiers/{code}/reuse`, field `document`).
    var reference: String
    var title: String
    var docType: String
    var number: String?
    var issuedOn: String?
    var basis: String
    var validUntil: String?
    var permanent: Bool
    var validity: ResultValidity

    /// A function that gives the offered form of a candidate, with the number and date of its document.
    static func index(_ documents: [DocumentSummary], dossier: String) -> (ReuseCandidate) -> OfferedDocument {
        let byId = Dictionary(documents.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        return { c in
            OfferedDocument(
                reference: ReuseGrant.reference(dossier: dossier, document: c.documentId), title: c.title, docType: c.docType,
                number: byId[c.documentId]?.number, issuedOn: byId[c.documentId]?.issuedOn, basis: c.basis, validUntil: c.validUntil,
                permanent: c.permanent, validity: c.validity)
        }
    }
}
