#!/usr/bin/env python3
"""Fills a warehouse database with synthetic owners and documents, fast, without OCR (for bench/load_bench.sh).

Usage: python3 bench/fill_warehouse.py DATABASE [--owners 1000] [--documents 20] [--results 2]
                                       [--include-owner 038090012345] [--sessions TOKENS.txt]

The schema must already exist (the `warehouse` binary creates and migrates it on first open), and the
demo accounts should be there (`warehouse serve --demo`): the party of `--include-owner` (the demo
citizen `an`) becomes one of the owners, and the other owners get a citizen account each that reuses
`an`'s bcrypt hash (same password), so that no bcrypt is needed here.

Per owner: one party (kind 1) with a CCCD identifier, one dossier, one small blob row shared by the
owner's documents (its bytes are not on disk: the document list never reads them), `--documents`
documents (each with one documentFile row and two fields, soKyHieu and ngayCap, that the list shows),
of which `--results` are results (kind 1) with a `result` row carrying a seal payload.
With `--sessions`, every extra citizen account also gets a signed-in session (a random token whose
SHA-256 is stored, as the server does at sign-in) and the tokens are written one per line: a load test
can then spread its requests over many citizens without a thousand bcrypt sign-ins.
Dates are written the way GRDB stores them: `YYYY-MM-DD HH:MM:SS.SSS`, UTC.
"""
import argparse, hashlib, json, random, sqlite3, sys, time, uuid
from datetime import datetime, timedelta, timezone

AGENCY = "000.12.34.H56"
PROCEDURE = "1.001193"
DOC_TYPES = [
    ("birth-certificate", "Giấy khai sinh", "GKS"),
    ("cccd-front", "Căn cước công dân (mặt trước)", "CCCD"),
    ("cccd-back", "Căn cước công dân (mặt sau)", "CCCDS"),
    ("marital-status-certificate", "Giấy xác nhận tình trạng hôn nhân", "XNHN"),
    ("application-form", "Tờ khai", "TK"),
    ("decision", "Quyết định", "QD"),
    ("official-letter", "Công văn", "CV"),
    ("other", "Giấy tờ khác", "KHAC"),
]

# Columns each table must have (from Sources/WarehouseCore/Database/Migrations.swift and the record types).
EXPECTED = {
    "party": ["id", "kind", "name", "createdAt"],
    "partyIdentifier": ["id", "partyId", "kind", "value", "verifiedVia"],
    "dossier": ["code", "procedureCode", "agencyCode", "ownerPartyId", "createdAt", "createdBy"],
    "blob": ["id", "size", "mime", "pageCount", "createdAt", "verifiedAt"],
    "document": ["id", "code", "kind", "ownerPartyId", "docType", "typeConfidence", "title", "pageCount", "meanConfidence",
                 "reviewStatus", "sensitivity", "createdAt", "createdBy", "agencyCode", "procedureCode", "pipelineVersion", "engine"],
    "documentFile": ["documentId", "seq", "blobId", "fileName"],
    "field": ["documentId", "name", "value", "confidence", "source", "flags"],
    "result": ["resultCode", "dossierCode", "n", "resultType", "documentId", "originalBlobId", "sealedBlobId", "payload", "keyId",
               "documentName", "number", "issuedAt", "issuedBy", "validUntil", "permanent", "scope", "sealFrame", "revokedAt",
               "revokedBy", "revokedReason"],
    "account": ["id", "username", "passwordHash", "role", "displayName", "agencyCode", "partyId", "createdAt"],
    "session": ["tokenHash", "accountId", "csrfToken", "createdAt", "expiresAt"],
}


def grdb_date(d: datetime) -> str:
    """A date as GRDB stores it: UTC, millisecond precision."""
    d = d.astimezone(timezone.utc)
    return d.strftime("%Y-%m-%d %H:%M:%S.") + f"{d.microsecond // 1000:03d}"


def check_schema(db):
    """Stops with a clear message when the schema is not what this script was written for."""
    for table, columns in EXPECTED.items():
        info = db.execute(f'PRAGMA table_info("{table}")').fetchall()
        have = {row[1] for row in info}
        if not have:
            sys.exit(f"fill_warehouse: table {table} is missing: create the schema with the warehouse binary first")
        missing = [c for c in columns if c not in have]
        if missing:
            sys.exit(f"fill_warehouse: table {table} lacks columns {missing}: the schema changed, update bench/fill_warehouse.py")
        # A new NOT NULL column without a default would make every insert fail: say so up front.
        unknown = [row[1] for row in info if row[1] not in columns and row[3] and row[4] is None and not row[5]]
        if unknown:
            sys.exit(f"fill_warehouse: table {table} has new required columns {unknown}: update bench/fill_warehouse.py")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("database")
    ap.add_argument("--owners", type=int, default=1000)
    ap.add_argument("--documents", type=int, default=20, help="documents per owner")
    ap.add_argument("--results", type=int, default=2, help="of which results (kind 1) with a sealed result row")
    ap.add_argument("--include-owner", default="038090012345", help="an existing owner id that must be one of the owners")
    ap.add_argument("--seed", type=int, default=4)
    ap.add_argument("--sessions", help="write a session token per extra citizen account to this file")
    args = ap.parse_args()
    rng = random.Random(args.seed)
    started = time.perf_counter()

    db = sqlite3.connect(args.database, timeout=30)
    db.execute("PRAGMA foreign_keys = ON")
    check_schema(db)
    now = datetime.now(timezone.utc)

    row = db.execute("SELECT partyId FROM partyIdentifier WHERE value = ?", (args.include_owner,)).fetchone()
    if row is None:
        sys.exit(f"fill_warehouse: no party with identifier {args.include_owner}: start the server once with --demo first")
    included_party = row[0]
    hash_row = db.execute("SELECT passwordHash FROM account WHERE partyId = ? AND role = 'citizen'", (included_party,)).fetchone()
    password_hash = hash_row[0] if hash_row else None

    parties, identifiers, accounts, dossiers, blobs, documents, files, fields, results = ([] for _ in range(9))
    for o in range(args.owners):
        if o == 0:
            party_id, cccd = included_party, args.include_owner
        else:
            party_id = str(uuid.UUID(int=rng.getrandbits(128)))
            # 12 digits, a prefix that no demo owner uses.
            cccd = f"001{o % 2}99{o:06d}"
            created = now - timedelta(days=rng.randint(30, 900))
            parties.append((party_id, 1, None, grdb_date(created)))
            identifiers.append((party_id, "cccd", cccd, "input"))
            if password_hash:
                accounts.append((str(uuid.UUID(int=rng.getrandbits(128))), f"citizen{o:04d}", password_hash, "citizen",
                                 f"Công dân {o:04d}", None, party_id, grdb_date(created)))
        dossier_day = now - timedelta(days=rng.randint(1, 700))
        dossier_code = f"{AGENCY}-{dossier_day.strftime('%y%m%d')}-{o + 1:04d}"
        dossiers.append((dossier_code, PROCEDURE, AGENCY, party_id, grdb_date(dossier_day), "bench"))
        blob_id = hashlib.sha256(f"bench blob {cccd}".encode()).hexdigest()
        blobs.append((blob_id, 48_213, "image/png", 1, grdb_date(dossier_day), None))
        for d in range(args.documents):
            doc_type, title, short = DOC_TYPES[d % len(DOC_TYPES)]
            is_result = d < args.results
            doc_id = str(uuid.UUID(int=rng.getrandbits(128)))
            created = now - timedelta(days=rng.randint(0, 700), seconds=rng.randint(0, 86_400), milliseconds=rng.randint(0, 999))
            code = f"{cccd}.{PROCEDURE}.{short}.{d + 1:02d}"
            documents.append((doc_id, code, 1 if is_result else 0, party_id, doc_type, round(rng.uniform(0.6, 1.0), 3), title, 1,
                              round(rng.uniform(70, 96), 2), rng.choice(["auto", "auto", "reviewed", "needs-review"]),
                              "sensitive" if doc_type.startswith("cccd") else "basic", grdb_date(created), "bench", AGENCY,
                              PROCEDURE, "bench-1", "tesseract 5.3.0 (vie)"))
            files.append((doc_id, 1, blob_id, f"scan-{d + 1:02d}.png"))
            number = f"{rng.randint(1, 999)}/{created.year}/QĐ-UBND"
            issued_on = (created - timedelta(days=rng.randint(0, 30))).strftime("%Y-%m-%d")
            fields.append((doc_id, "soKyHieu", number, 0.93, "ocr", "[]"))
            fields.append((doc_id, "ngayCap", issued_on, 0.91, "ocr", "[]"))
            if is_result:
                n = d + 1
                result_code = f"{dossier_code}-KQ{n}"
                valid_until = (created + timedelta(days=rng.choice([20, 180, 3650]))).strftime("%Y-%m-%d")
                payload = ("VNSEAL1;" + ";".join(f"{k}={v}" for k, v in [
                    ("resultCode", result_code), ("owner", cccd), ("documentSHA256", blob_id), ("validUntil", valid_until),
                    ("keyId", "bench-key")]) + ";sig=" + hashlib.sha512(result_code.encode()).hexdigest())
                results.append((result_code, dossier_code, n, "KQ.G15.000031", doc_id, blob_id, blob_id, payload, "bench-key", title,
                                number, grdb_date(created), "bench", valid_until, 0, None,
                                json.dumps({"x": 1800, "y": 60, "width": 520, "height": 560}), None, None, None))

    with db:
        db.executemany("INSERT INTO party(id, kind, name, createdAt) VALUES (?, ?, ?, ?)", parties)
        db.executemany("INSERT INTO partyIdentifier(partyId, kind, value, verifiedVia) VALUES (?, ?, ?, ?)", identifiers)
        db.executemany("INSERT INTO account(id, username, passwordHash, role, displayName, agencyCode, partyId, createdAt) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", accounts)
        db.executemany("INSERT INTO dossier(code, procedureCode, agencyCode, ownerPartyId, createdAt, createdBy) VALUES (?, ?, ?, ?, ?, ?)",
                       dossiers)
        db.executemany("INSERT INTO blob(id, size, mime, pageCount, createdAt, verifiedAt) VALUES (?, ?, ?, ?, ?, ?)", blobs)
        db.executemany("INSERT INTO document(id, code, kind, ownerPartyId, docType, typeConfidence, title, pageCount, meanConfidence, "
                       "reviewStatus, sensitivity, createdAt, createdBy, agencyCode, procedureCode, pipelineVersion, engine) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", documents)
        db.executemany("INSERT INTO documentFile(documentId, seq, blobId, fileName) VALUES (?, ?, ?, ?)", files)
        db.executemany("INSERT INTO field(documentId, name, value, confidence, source, flags) VALUES (?, ?, ?, ?, ?, ?)", fields)
        db.executemany("INSERT INTO result(resultCode, dossierCode, n, resultType, documentId, originalBlobId, sealedBlobId, payload, "
                       "keyId, documentName, number, issuedAt, issuedBy, validUntil, permanent, scope, sealFrame, revokedAt, revokedBy, "
                       "revokedReason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", results)
    if args.sessions:
        expires = now + timedelta(hours=8)
        sessions, tokens = [], []
        for account in accounts:
            token = uuid.UUID(int=rng.getrandbits(128)).hex + uuid.UUID(int=rng.getrandbits(128)).hex
            tokens.append(token)
            sessions.append((hashlib.sha256(token.encode()).hexdigest(), account[0], uuid.UUID(int=rng.getrandbits(128)).hex,
                             grdb_date(now), grdb_date(expires)))
        with db:
            db.executemany("INSERT INTO session(tokenHash, accountId, csrfToken, createdAt, expiresAt) VALUES (?, ?, ?, ?, ?)", sessions)
        with open(args.sessions, "w") as out:
            out.write("".join(t + "\n" for t in tokens))
    problems = db.execute("PRAGMA foreign_key_check").fetchall()
    if problems:
        sys.exit(f"fill_warehouse: foreign key problems: {problems[:5]}")
    db.execute("PRAGMA optimize")
    db.close()
    print(f"filled {args.owners} owners × {args.documents} documents ({len(documents)} documents, {len(results)} results, "
          f"{len(accounts)} extra citizen accounts) in {time.perf_counter() - started:.1f} s")


if __name__ == "__main__":
    main()
