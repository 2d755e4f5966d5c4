import Foundation
import GRDB

/// The schema, as named, append-only migrations: never edit one that has shipped; add the next.
enum Migrations {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-warehouse") { db in
            try db.create(table: "party") { t in
                t.primaryKey("id", .text)
                t.column("kind", .integer).notNull().check { [1, 2, 3, 4].contains($0) }
                t.column("name", .text)
                t.column("createdAt", .datetime).notNull()
            }
            try db.create(table: "partyIdentifier") { t in
                t.autoIncrementedPrimaryKey("id")
                t.belongsTo("party", onDelete: .cascade).notNull()
                t.column("kind", .text).notNull()
                t.column("value", .text).notNull()
                t.column("verifiedVia", .text).notNull()
                t.uniqueKey(["kind", "value"])
            }
            try db.create(table: "dossier") { t in
                t.primaryKey("code", .text)
                t.column("procedureCode", .text).notNull()
                t.column("agencyCode", .text).notNull()
                t.column("ownerPartyId", .text).notNull().references("party")
                t.column("createdAt", .datetime).notNull()
                t.column("createdBy", .text).notNull()
            }
            try db.create(table: "blob") { t in
                t.primaryKey("id", .text).check { length($0) == 64 }
                t.column("size", .integer).notNull()
                t.column("mime", .text).notNull()
                t.column("pageCount", .integer).notNull()
                t.column("createdAt", .datetime).notNull()
                t.column("verifiedAt", .datetime)
            }
            try db.create(table: "page") { t in
                t.column("blobId", .text).notNull().references("blob", onDelete: .cascade)
                t.column("number", .integer).notNull().check { $0 >= 1 }
                t.column("width", .integer).notNull()
                t.column("height", .integer).notNull()
                t.column("dpi", .integer).notNull()
                t.column("pixelDigest", .text).notNull().indexed()
                t.column("perceptualHash", .integer).notNull()
                t.column("text", .text).notNull()
                t.column("confidence", .double).notNull()
                t.column("textSource", .text).notNull()
                t.column("skewAngle", .double).notNull()
                t.column("rotation", .integer).notNull()
                t.column("ocrSeconds", .double).notNull()
                t.column("engine", .text).notNull()
                t.column("pipelineVersion", .text).notNull()
                t.primaryKey(["blobId", "number"])
            }
            try db.create(table: "barcode") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("blobId", .text).notNull().references("blob", onDelete: .cascade)
                t.column("pageNumber", .integer).notNull()
                t.column("symbology", .text).notNull()
                t.column("payload", .text).notNull()
                t.foreignKey(["blobId", "pageNumber"], references: "page", onDelete: .cascade)
            }
            try db.create(index: "barcode_on_blob", on: "barcode", columns: ["blobId", "pageNumber"])
            try db.create(table: "document") { t in
                t.primaryKey("id", .text)
                t.column("code", .text).notNull().unique()
                t.column("kind", .integer).notNull().check { [0, 1, 2, 3].contains($0) }
                t.column("ownerPartyId", .text).notNull().references("party").indexed()
                t.column("docType", .text).notNull()
                t.column("typeConfidence", .double).notNull()
                t.column("title", .text).notNull()
                t.column("pageCount", .integer).notNull()
                t.column("meanConfidence", .double).notNull()
                t.column("reviewStatus", .text).notNull()
                t.column("sensitivity", .text).notNull()
                t.column("createdAt", .datetime).notNull()
                t.column("createdBy", .text).notNull()
                t.column("agencyCode", .text).notNull()
                t.column("procedureCode", .text).notNull()
                t.column("pipelineVersion", .text).notNull()
                t.column("engine", .text).notNull()
            }
            try db.create(table: "documentFile") { t in
                t.column("documentId", .text).notNull().references("document", onDelete: .cascade)
                t.column("seq", .integer).notNull()
                t.column("blobId", .text).notNull().references("blob").indexed()
                t.column("fileName", .text).notNull()
                t.primaryKey(["documentId", "seq"])
            }
            try db.create(table: "field") { t in
                t.column("documentId", .text).notNull().references("document", onDelete: .cascade)
                t.column("name", .text).notNull()
                t.column("value", .text).notNull()
                t.column("confidence", .double).notNull()
                t.column("source", .text).notNull()
                t.column("flags", .jsonText).notNull()
                t.primaryKey(["documentId", "name"])
            }
            try db.create(index: "field_on_name_value", on: "field", columns: ["name", "value"])
            try db.create(table: "component") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("dossierCode", .text).notNull().references("dossier").indexed()
                t.column("name", .text).notNull()
                t.column("documentId", .text).notNull().references("document").indexed()
                t.column("reused", .boolean).notNull()
                t.column("createdAt", .datetime).notNull()
                t.column("createdBy", .text).notNull()
            }
            try db.create(table: "filing") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("at", .datetime).notNull()
                t.column("actor", .text).notNull()
                t.column("agencyCode", .text).notNull()
                t.column("fileName", .text).notNull()
                t.column("sha256", .text).indexed()
                t.column("documentId", .text).references("document").indexed()
                t.column("dossierCode", .text)
                t.column("status", .text).notNull().check { ["filed", "reused", "quarantined"].contains($0) }
                t.column("error", .text)
                t.column("errorCode", .text)
                t.column("quarantinePath", .text)
                t.column("pipelineVersion", .text).notNull()
            }
            // Two full-text indexes over each document's text: one exact (diacritics kept), one folded
            // (diacritics removed by the tokenizer; đ→d done by us, since unicode61 keeps đ).
            try db.execute(
                sql: """
                    CREATE VIRTUAL TABLE searchExact USING fts5(documentId UNINDEXED, text, tokenize = 'unicode61 remove_diacritics 0');
                    CREATE VIRTUAL TABLE searchFolded USING fts5(documentId UNINDEXED, text, tokenize = 'unicode61 remove_diacritics 2');
                    """)
        }
        migrator.registerMigration("v2-results") { db in
            try db.create(table: "result") { t in
                t.primaryKey("resultCode", .text)
                t.column("dossierCode", .text).notNull().references("dossier")
                t.column("n", .integer).notNull().check { $0 >= 1 }
                t.column("resultType", .text).notNull()
                t.column("documentId", .text).notNull().references("document").indexed()
                t.column("originalBlobId", .text).notNull().references("blob")
                t.column("sealedBlobId", .text).notNull().references("blob")
                t.column("payload", .text).notNull()
                t.column("keyId", .text).notNull()
                t.column("documentName", .text).notNull()
                t.column("number", .text)
                t.column("issuedAt", .datetime).notNull()
                t.column("issuedBy", .text).notNull()
                t.column("validUntil", .text)
                t.column("permanent", .boolean).notNull()
                t.column("scope", .text)
                t.column("sealFrame", .jsonText).notNull()
                t.column("revokedAt", .datetime)
                t.column("revokedBy", .text)
                t.column("revokedReason", .text)
                t.uniqueKey(["dossierCode", "n"])
            }
        }
        migrator.registerMigration("v3-accounts-and-access-log") { db in
            try db.create(table: "account") { t in
                t.primaryKey("id", .text)
                t.column("username", .text).notNull().unique()
                t.column("passwordHash", .text).notNull()
                t.column("role", .text).notNull().check { ["clerk", "supervisor", "citizen", "auditor", "admin"].contains($0) }
                t.column("displayName", .text).notNull()
                t.column("agencyCode", .text)
                t.column("partyId", .text).references("party")
                t.column("createdAt", .datetime).notNull()
            }
            try db.create(table: "session") { t in
                t.primaryKey("tokenHash", .text)
                t.column("accountId", .text).notNull().references("account", onDelete: .cascade).indexed()
                t.column("csrfToken", .text).notNull()
                t.column("createdAt", .datetime).notNull()
                t.column("expiresAt", .datetime).notNull()
            }
            try createAccessLog(db)
            try db.create(table: "fieldCorrection") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("documentId", .text).notNull().references("document", onDelete: .cascade).indexed()
                t.column("name", .text).notNull()
                t.column("value", .text).notNull()
                t.column("correctedBy", .text).notNull()
                t.column("correctedAt", .datetime).notNull()
            }
        }
        migrator.registerMigration("v4-reuse") { db in
            // Every reuse of a filed document in another dossier: who, when, on what basis (DESIGN.md §5).
            try db.create(table: "reuse") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("documentId", .text).notNull().references("document").indexed()
                t.column("dossierCode", .text).notNull().references("dossier")
                t.column("componentId", .integer).notNull().references("component")
                t.column("accountId", .text).notNull()
                /// `owner-consent` (the citizen chose it) or `desk` (the desk attached it under the reuse mandate).
                t.column("basis", .text).notNull()
                t.column("at", .datetime).notNull()
            }
        }
        migrator.registerMigration("v5-filing-by-path") { db in
            // A resumed backfill looks its files up by path.
            try db.create(index: "filing_on_fileName", on: "filing", columns: ["fileName"])
        }
        migrator.registerMigration("v6-catalog") { db in
            // The national and provincial catalogues (DOMAIN.md §9.1), loaded by `warehouse catalog import`.
            // Links between entries are checked by the import; the foreign keys are deferred so that a file may
            // name an entry before the line that adds it. Lists of codes (predecessors, accepted types) are JSON.
            try db.create(table: "adminUnit") { t in
                t.primaryKey("code", .text)
                t.column("name", .text).notNull()
                t.column("level", .text).notNull().check { ["tinh", "huyen", "xa"].contains($0) }
                t.column("parentCode", .text).references("adminUnit", deferred: true)
                t.column("predecessors", .jsonText).notNull()
                t.column("validFrom", .text)
                t.column("validTo", .text)
                t.column("sourceVersion", .text)
                t.column("importedAt", .datetime).notNull()
            }
            try db.create(table: "agency") { t in
                t.primaryKey("code", .text)
                t.column("name", .text).notNull()
                t.column("level", .text)
                t.column("parentCode", .text).references("agency", deferred: true)
                t.column("portalAgencyId", .text)
                t.column("adminUnitCode", .text).references("adminUnit", deferred: true)
                t.column("predecessors", .jsonText).notNull()
                t.column("validFrom", .text)
                t.column("validTo", .text)
                t.column("sourceVersion", .text)
                t.column("importedAt", .datetime).notNull()
            }
            try db.create(table: "resultType") { t in
                t.primaryKey("code", .text)
                t.column("name", .text).notNull()
                t.column("validityMonths", .integer).check { $0 > 0 }
                t.column("docType", .text)
                t.column("sensitivity", .text).notNull().check { ["basic", "sensitive"].contains($0) }
                t.column("validFrom", .text)
                t.column("validTo", .text)
                t.column("sourceVersion", .text)
                t.column("importedAt", .datetime).notNull()
            }
            try db.create(table: "codeListItem") { t in
                t.column("list", .text).notNull()
                t.column("code", .text).notNull()
                t.column("name", .text).notNull()
                t.column("parentCode", .text)
                t.column("validFrom", .text)
                t.column("validTo", .text)
                t.column("sourceVersion", .text)
                t.column("importedAt", .datetime).notNull()
                t.primaryKey(["list", "code"])
                t.foreignKey(["list", "parentCode"], references: "codeListItem", columns: ["list", "code"], deferred: true)
            }
            try db.create(table: "procedure") { t in
                t.primaryKey("code", .text)
                t.column("name", .text).notNull()
                t.column("localCode", .text)
                t.column("fieldCode", .text)
                t.column("processingDays", .integer).check { $0 >= 0 }
                t.column("processingDayUnit", .text).check { ["working", "calendar"].contains($0) }
                t.column("mainResultType", .text).references("resultType", deferred: true)
                t.column("validFrom", .text)
                t.column("validTo", .text)
                t.column("sourceVersion", .text)
                t.column("importedAt", .datetime).notNull()
            }
            try db.create(table: "componentSpec") { t in
                t.column("procedureCode", .text).notNull().references("procedure", deferred: true)
                t.column("code", .text).notNull()
                t.column("name", .text).notNull()
                t.column("required", .boolean).notNull()
                t.column("position", .integer).notNull()
                t.column("originals", .integer)
                t.column("copies", .integer)
                t.column("acceptsResultTypes", .jsonText).notNull()
                t.column("acceptsDocTypes", .jsonText).notNull()
                t.column("nationalCode", .text)
                t.column("validFrom", .text)
                t.column("validTo", .text)
                t.column("sourceVersion", .text)
                t.column("importedAt", .datetime).notNull()
                t.primaryKey(["procedureCode", "code"])
            }
        }
        migrator.registerMigration("v7-dossier-lifecycle") { db in
            try createDossierLifecycle(db)
        }
        migrator.registerMigration("v8-sync-outbox") { db in
            // Messages for the national portal (DOMAIN.md §6), written in the transaction of the change
            // they report (docs/sync.md).
            try db.create(table: "syncOutbox") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("messageId", .text).notNull().unique()
                t.column("kind", .text).notNull().check { ["DongBoHoSoMC", "CapNhatTienDoHoSoMC"].contains($0) }
                t.column("dossierCode", .text).notNull().references("dossier")
                t.column("payload", .text).notNull()
                t.column("createdAt", .datetime).notNull()
                t.column("updatedAt", .datetime).notNull()
                t.column("superseded", .integer).notNull().defaults(to: 0)
                t.column("attempts", .integer).notNull().defaults(to: 0).check { $0 >= 0 }
                t.column("nextAttemptAt", .datetime).notNull()
                t.column("lastAttemptAt", .datetime)
                t.column("lastError", .text)
                t.column("state", .text).notNull().check { ["pending", "sent", "dead"].contains($0) }
                t.column("sentAt", .datetime)
                t.column("claimedBy", .text)
                t.check(sql: "(state = 'sent') = (sentAt IS NOT NULL)")
                t.check(sql: "claimedBy IS NULL OR state = 'pending'")
            }
            // The sender's two questions: what is due (state, time), and does this dossier have an earlier
            // pending message (dossier, state, position).
            try db.create(index: "syncOutbox_due", on: "syncOutbox", columns: ["state", "nextAttemptAt"])
            try db.create(index: "syncOutbox_on_dossier", on: "syncOutbox", columns: ["dossierCode", "state", "id"])
        }
        migrator.registerMigration("v9-agency-archive") { db in
            try createAgencyArchive(db)
        }
        migrator.registerMigration("v10-page-analysis") { db in
            try createPageAnalysis(db)
        }
        migrator.registerMigration("v11-owner-proofs") { db in
            try createOwnerProofs(db)
        }
        return migrator
    }

    /// v9: papers that name no citizen or organisation are filed in the agency's own archive (an owner party
    /// of kind 3 with an `agency` identifier), marked `ownerUnassigned` until a clerk gives them their owner.
    /// Each move to another owner (`warehouse assign`, or a backfill whose manifest names the owner) is kept
    /// in `ownerAssignment`, append-only: who, when, from which owner and code to which.
    private static func createAgencyArchive(_ db: Database) throws {
        try db.alter(table: "document") { t in
            t.add(column: "ownerUnassigned", .boolean).notNull().defaults(to: false)
        }
        // The clerk's list: few rows, asked for by agency.
        try db.create(
            index: "document_unassigned", on: "document", columns: ["agencyCode", "createdAt"], condition: Column("ownerUnassigned") == true)
        try db.create(table: "ownerAssignment") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("documentId", .text).notNull().references("document").indexed()
            t.column("fromPartyId", .text).notNull().references("party")
            t.column("toPartyId", .text).notNull().references("party")
            t.column("fromCode", .text).notNull().indexed()
            t.column("toCode", .text).notNull()
            // Whether the document was unassigned (in an agency archive, no owner read from the paper).
            t.column("wasUnassigned", .boolean).notNull()
            t.column("actor", .text).notNull()
            t.column("at", .datetime).notNull()
            // `assign` (a clerk: `warehouse assign` or the desk) or `manifest` (a backfill row named the owner).
            t.column("via", .text).notNull().check { ["assign", "manifest"].contains($0) }
        }
        try db.execute(
            sql: """
                CREATE TRIGGER ownerAssignment_no_update BEFORE UPDATE ON ownerAssignment BEGIN SELECT RAISE(ABORT, 'owner assignments are append-only'); END;
                CREATE TRIGGER ownerAssignment_no_delete BEFORE DELETE ON ownerAssignment BEGIN SELECT RAISE(ABORT, 'owner assignments are append-only'); END;
                """)
    }

    /// v7: the status, channel and dates of every dossier (DOMAIN.md §6, §9.3) and its append-only event log.
    ///
    /// Dossiers filed before had no lifecycle: they become accepted at the counter (status 2, channel 1),
    /// received when their code says (`DossierIntake.defaultReceipt`), without a deadline, each with
    /// its first event. Plain inserts, not `WarehouseDatabase.recordStatus`: what later migrations hook
    /// into that function (the sync outbox) does not exist yet at this point of the schema.
    private static func createDossierLifecycle(_ db: Database) throws {
        try db.alter(table: "dossier") { t in
            t.add(column: "channel", .integer).notNull().defaults(to: SubmissionChannel.inPerson.rawValue).check { [1, 2, 3].contains($0) }
            t.add(column: "status", .integer).notNull().defaults(to: DossierStatus.accepted.rawValue).check { $0 >= 1 && $0 <= 10 }
            t.add(column: "deadlineDays", .integer).check { $0 >= 0 }
            t.add(column: "deadlineOn", .text)
            t.add(column: "registeredAt", .datetime)
            t.add(column: "receivedAt", .datetime)
            t.add(column: "dueOn", .text)
            t.add(column: "finishedAt", .datetime)
            t.add(column: "returnedAt", .datetime)
            t.add(column: "refusedAt", .datetime)
            t.add(column: "withdrawnAt", .datetime)
        }
        try db.create(index: "dossier_on_owner", on: "dossier", columns: ["ownerPartyId"])
        try db.create(table: "dossierEvent") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("dossierCode", .text).notNull().references("dossier")
            t.column("seq", .integer).notNull().check { $0 >= 1 }
            t.column("status", .integer).notNull().check { $0 >= 1 && $0 <= 10 }
            t.column("previousStatus", .integer).check { $0 >= 1 && $0 <= 10 }
            t.column("at", .datetime).notNull()
            t.column("recordedAt", .datetime).notNull()
            t.column("actor", .text).notNull()
            t.column("note", .text)
            t.column("dueOn", .text)
            t.uniqueKey(["dossierCode", "seq"])
        }
        try db.execute(
            sql: """
                CREATE TRIGGER dossierEvent_no_update BEFORE UPDATE ON dossierEvent BEGIN SELECT RAISE(ABORT, 'the dossier event log is append-only'); END;
                CREATE TRIGGER dossierEvent_no_delete BEFORE DELETE ON dossierEvent BEGIN SELECT RAISE(ABORT, 'the dossier event log is append-only'); END;
                """)
        let now = Date()
        let rows = try Row.fetchAll(db, sql: "SELECT code, createdAt, createdBy FROM dossier")
        for row in rows {
            let code: String = row["code"]
            let received = DossierIntake.defaultReceipt(code: code, filedAt: row["createdAt"])
            try db.execute(sql: "UPDATE dossier SET receivedAt = ? WHERE code = ?", arguments: [received, code])
            try db.execute(
                sql: """
                    INSERT INTO dossierEvent (dossierCode, seq, status, previousStatus, at, recordedAt, actor, note, dueOn)
                    VALUES (?, 1, 2, NULL, ?, ?, ?, 'received before the warehouse kept dossier statuses', NULL)
                    """, arguments: [code, received, now, row["createdBy"] as String])
        }
    }

    /// The access-log table and the triggers that make it append-only. Frozen: v3 of the warehouse file
    /// (since moved out) and v1 of the access-log file both run it.
    private static func createAccessLog(_ db: Database) throws {
        try db.create(table: "accessLog") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("at", .datetime).notNull()
            t.column("accountId", .text).notNull()
            t.column("role", .text).notNull()
            t.column("agencyCode", .text)
            t.column("action", .text).notNull()
            t.column("objectType", .text).notNull()
            t.column("objectId", .text).notNull()
            t.column("ownerPartyId", .text).indexed()
            t.column("outcome", .text).notNull()
            t.column("prevHash", .text).notNull()
            t.column("hash", .text).notNull()
        }
        // Append-only: the database itself refuses edits and deletions of log entries.
        try db.execute(
            sql: """
                CREATE TRIGGER accessLog_no_update BEFORE UPDATE ON accessLog BEGIN SELECT RAISE(ABORT, 'the access log is append-only'); END;
                CREATE TRIGGER accessLog_no_delete BEFORE DELETE ON accessLog BEGIN SELECT RAISE(ABORT, 'the access log is append-only'); END;
                """)
    }

    /// Issue 12 (real papers): what the pipeline learnt of each page (layout, slots, text-layer coverage), the
    /// crops of handwritten slots, and where a field's value was read.
    private static func createPageAnalysis(_ db: Database) throws {
        try db.alter(table: "page") { t in t.add(column: "analysis", .text) }
        try db.alter(table: "field") { t in t.add(column: "evidence", .text) }
        try db.create(table: "slotCrop") { t in
            t.column("blobId", .text).notNull()
            t.column("pageNumber", .integer).notNull()
            t.column("kind", .text).notNull().check { ["number", "day", "month"].contains($0) }
            t.column("png", .blob).notNull()
            t.primaryKey(["blobId", "pageNumber", "kind"])
            t.foreignKey(["blobId", "pageNumber"], references: "page", columns: ["blobId", "number"], onDelete: .cascade)
        }
    }

    /// v11: what the desk recorded before it saw an owner's earlier papers for a dossier (`reuseGrant`, the
    /// chip read at the counter, a clerk's check, or the owner's consent from their store; append-only), and how
    /// each citizen account came to own a person's store (`accountBinding`, proven at a desk).
    private static func createOwnerProofs(_ db: Database) throws {
        let methods = ProofMethod.allCases.map(\.rawValue)
        try db.create(table: "reuseGrant") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("dossierCode", .text).notNull().references("dossier").indexed()
            t.column("method", .text).notNull().check { methods.contains($0) }
            t.column("evidence", .text).notNull()
            t.column("actor", .text).notNull()
            t.column("at", .datetime).notNull()
        }
        try db.execute(sql: "CREATE TRIGGER reuseGrant_append_only_update BEFORE UPDATE ON reuseGrant BEGIN SELECT RAISE(ABORT, 'reuseGrant is append-only'); END")
        try db.execute(sql: "CREATE TRIGGER reuseGrant_append_only_delete BEFORE DELETE ON reuseGrant BEGIN SELECT RAISE(ABORT, 'reuseGrant is append-only'); END")
        try db.create(table: "accountBinding") { t in
            t.primaryKey("accountId", .text).references("account")
            t.column("partyId", .text).notNull().references("party").indexed()
            t.column("method", .text).notNull().check { methods.contains($0) }
            t.column("evidence", .text).notNull()
            t.column("boundBy", .text).notNull()
            t.column("agencyCode", .text)
            t.column("at", .datetime).notNull()
        }
    }

    /// The access log's own file (`WarehouseDatabase.logWriter`).
    static var accessLogMigrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-access-log") { db in
            try createAccessLog(db)
        }
        return migrator
    }
}
