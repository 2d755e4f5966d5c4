import Foundation
import GRDB

extension WarehouseDatabase {
    // MARK: - Owner present or consenting, per dossier

    /// Records that the owner of `grant.dossierCode` is present or agrees (append-only).
    public func recordReuseGrant(_ grant: ReuseGrant) throws(StoreError) {
        try writeDB { db in
            guard try Dossier.fetchOne(db, key: grant.dossierCode) != nil else { throw StoreError.conflict("no dossier \(grant.dossierCode)") }
            try grant.insert(db)
        }
    }

    /// What was recorded for a dossier, oldest first; empty when the owner has been neither present nor asked.
    public func reuseGrants(dossier code: String) throws(StoreError) -> [ReuseGrant] {
        try readDB { db in try ReuseGrant.filter(Column("dossierCode") == code).order(Column("id")).fetchAll(db) }
    }

    // MARK: - Accounts bound to a person

    /// Gives the citizen account `username` the store of `owner`, with the proof the desk recorded: refused for an
    /// account that is not a citizen's, that owns a store already, or when the person has an account.
    @discardableResult
    public func bindAccount(
        username: String, to owner: OwnerIdentifier, method: ProofMethod, evidence: String, by actor: String, agency: String?, at: Date = Date()
    ) throws(BindingError) -> (Account, AccountBinding) {
        do {
            return try writer.write { db in
                guard var account = try Account.filter(Column("username") == username).fetchOne(db) else { throw BindingError.noSuchAccount }
                guard account.role == .citizen else { throw BindingError.notCitizen }
                guard account.partyId == nil else { throw BindingError.alreadyBound }
                let party = try Self.ensureParty(db, owner, at: at)
                if let other = try Account.filter(Column("partyId") == party).fetchOne(db) { throw BindingError.ownerHasAccount(other.username) }
                account.partyId = party
                try account.update(db)
                let binding = AccountBinding(
                    accountId: account.id, partyId: party, method: method, evidence: evidence, boundBy: actor, agencyCode: agency, at: at)
                try binding.insert(db)
                return (account, binding)
            }
        } catch let error as BindingError {
            throw error
        } catch {
            throw .store(storeError(error))
        }
    }

    /// How the accounts of a party were bound, oldest first (none for accounts bound before proofs were kept).
    public func bindings(party: String) throws(StoreError) -> [AccountBinding] {
        try readDB { db in try AccountBinding.filter(Column("partyId") == party).order(Column("at")).fetchAll(db) }
    }
}
