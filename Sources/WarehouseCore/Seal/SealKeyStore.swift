import Crypto
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// One seal-signing key as published: anyone holding this can verify seals offline.
public struct PublicSealKey: Codable, Sendable, Equatable {
    public var id: String
    /// Raw Ed25519 public key, base64.
    public var publicKey: String
    public var createdAt: Date
    /// Set when a newer key took over; old keys still verify the seals they made.
    public var retiredAt: Date?

    public var isActive: Bool { retiredAt == nil }
}

/// The published key set (`keys export-public`): the issuer's name and every public key it ever used.
public struct PublicKeySet: Codable, Sendable {
    public var issuer: String
    public var keys: [PublicSealKey]

    public init(issuer: String, keys: [PublicSealKey]) {
        self.issuer = issuer
        self.keys = keys
    }

    /// Reads an exported key set.
    public static func load(_ url: URL) throws(SealError) -> PublicKeySet {
        do {
            let decoder = JSONDecoder()
            decoder.dateDecodingStrategy = .iso8601
            return try decoder.decode(PublicKeySet.self, from: Data(contentsOf: url))
        } catch {
            throw .keyStore("cannot read the key set \(url.path): \(error.localizedDescription)")
        }
    }

    /// The key with `id`, as a verifier.
    func verifier(_ id: String) -> Curve25519.Signing.PublicKey? {
        guard let key = keys.first(where: { $0.id == id }), let raw = Data(base64Encoded: key.publicKey) else { return nil }
        return try? Curve25519.Signing.PublicKey(rawRepresentation: raw)
    }
}

/// The province's seal-signing keys under `Storage/keys/`: `keys.json` (public, with history) and one
/// `<id>.ed25519` private key file per key, mode 0600, in a 0700 directory.
public struct SealKeyStore: Sendable {
    public let directory: URL

    public init(directory: URL) {
        self.directory = directory
    }

    var indexURL: URL { directory.appendingPathComponent("keys.json") }

    /// The key set, or nil when `keys init` was never run.
    public func publicKeys() throws(SealError) -> PublicKeySet? {
        guard FileManager.default.fileExists(atPath: indexURL.path) else { return nil }
        return try PublicKeySet.load(indexURL)
    }

    /// Creates the first key. Returns nil (and changes nothing) when keys already exist.
    public func initialise(issuer: String, now: Date = Date()) throws(SealError) -> PublicSealKey? {
        if try publicKeys() != nil { return nil }
        let key = try makeKey(now: now)
        try save(PublicKeySet(issuer: issuer, keys: [key]))
        return key
    }

    /// Makes a new active key and retires the current one (kept, to verify what it signed).
    public func rotate(now: Date = Date()) throws(SealError) -> PublicSealKey {
        guard var set = try publicKeys() else { throw .noKey("no seal keys yet; run `warehouse keys init` first") }
        let key = try makeKey(now: now)
        for i in set.keys.indices where set.keys[i].retiredAt == nil { set.keys[i].retiredAt = now }
        set.keys.append(key)
        try save(set)
        return key
    }

    /// Signs with the active key; returns the key id and the signature function's output.
    public func activeSigner() throws(SealError) -> (issuer: String, keyId: String, sign: @Sendable ([UInt8]) throws -> [UInt8]) {
        guard let set = try publicKeys(), let active = set.keys.last(where: \.isActive) else {
            throw .noKey("no active seal key; run `warehouse keys init` (or `keys rotate`) first")
        }
        let file = directory.appendingPathComponent("\(active.id).ed25519")
        let raw: Data
        do { raw = try Data(contentsOf: file) } catch { throw .keyStore("cannot read the private key \(file.path): \(error.localizedDescription)") }
        let key: Curve25519.Signing.PrivateKey
        do { key = try Curve25519.Signing.PrivateKey(rawRepresentation: raw) } catch {
            throw .keyStore("the private key \(file.path) is damaged")
        }
        return (set.issuer, active.id, { message in Array(try key.signature(for: message)) })
    }

    private func makeKey(now: Date) throws(SealError) -> PublicSealKey {
        let key = Curve25519.Signing.PrivateKey()
        let publicRaw = key.publicKey.rawRepresentation
        let id = String(SHA256.hash(data: publicRaw).hexString.prefix(8))
        do {
            try FileIO.makeDirectory(directory)
            chmod(directory.path, 0o700)
            try FileIO.writeAtomically(key.rawRepresentation, to: directory.appendingPathComponent("\(id).ed25519"), mode: 0o600)
        } catch {
            throw .keyStore(error.description)
        }
        return PublicSealKey(id: id, publicKey: publicRaw.base64EncodedString(), createdAt: now, retiredAt: nil)
    }

    private func save(_ set: PublicKeySet) throws(SealError) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        do {
            try FileIO.writeAtomically(try encoder.encode(set), to: indexURL, mode: 0o644)
        } catch let error as BlobStoreError {
            throw .keyStore(error.description)
        } catch {
            throw .keyStore("\(error)")
        }
    }
}
