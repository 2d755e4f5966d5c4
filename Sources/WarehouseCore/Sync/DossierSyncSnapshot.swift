import Foundation

/// Everything the national portal is told about one dossier (`DongBoHoSoMC`, DOMAIN.md §6), as plain
/// values: ``PortalDossier`` is built from it, whatever filled it. ``DossierSyncLoader`` fills it from
/// the warehouse tables inside the transaction of the change that makes it due.
///
/// Optional values that are unknown are sent as empty text, as the portal's own clients do.
public struct DossierSyncSnapshot: Sendable, Equatable {
    /// `MaHoSo`.
    public var code: String
    /// `MaTTHC`.
    public var procedureCode: String
    /// `TenTTHC`, when the procedure catalogue knows it.
    public var procedureName: String?
    /// `MaLinhVuc` / `TenLinhVuc`: the procedure's field, when the catalogue knows it.
    public var fieldCode: String?
    public var fieldName: String?
    /// The receiving agency (`NoiNopHoSo`): the one-stop desk that took the dossier in.
    public var agencyCode: String
    /// The processing agency (`DonViXuLy`); the receiving agency when not set.
    public var processingAgencyCode: String?
    /// The dossier's owner (chủ hồ sơ).
    public var owner: Owner
    /// `TrichYeuHoSo`.
    public var summary: String?
    /// `TrangThaiHoSo`, from the dossier lifecycle.
    public var status: DossierStatus?
    /// `KenhThucHien`.
    public var channel: SubmissionChannel?
    /// `NgayNopHoSo`: when the citizen handed it in (or filed it online).
    public var submitted: Date?
    /// `NgayTiepNhan`: when the desk accepted it.
    public var received: Date?
    /// `NgayHenTra`: the promised date of the result.
    public var due: Date?
    /// `NgayKetThucXuLy`: when processing finished.
    public var finished: Date?
    /// `NgayTra`: when the result was handed over.
    public var returned: Date?
    /// `NgayTuChoi`: when it was refused.
    public var refused: Date?
    /// `TaiKhoanDuocXacThucVoiVNeID`.
    public var verifiedWithVNeID: Bool
    /// `DuocThanhToanTrucTuyen`.
    public var paidOnline: Bool
    /// `DSKetNoiCSDL`: codes of the national databases consulted for it.
    public var connectedDatabases: [String]
    /// The papers of the dossier (thành phần hồ sơ), in the order they were filed.
    public var components: [Component]
    /// Results issued for it and not revoked (`DanhSachGiayToKetQua`).
    public var results: [IssuedPaper]
    /// `DanhSachLePhi`.
    public var fees: [Fee]
    /// `DanhSachHoSoBoSung`: supplement requests.
    public var supplements: [Supplement]
    /// `DanhSachTepDinhKemKhac`: other papers handed in without being digitised.
    public var otherAttachments: [OtherAttachment]

    /// A snapshot with the required values; everything else empty, to be filled by the caller.
    public init(code: String, procedureCode: String, agencyCode: String, owner: Owner) {
        self.code = code
        self.procedureCode = procedureCode
        self.agencyCode = agencyCode
        self.owner = owner
        verifiedWithVNeID = false
        paidOnline = false
        connectedDatabases = []
        components = []
        results = []
        fees = []
        supplements = []
        otherAttachments = []
    }

    /// Whether any component was digitised (`HoSoCoThanhPhanSoHoa`).
    public var hasDigitisedComponent: Bool { components.contains(where: \.digitised) }

    /// The owner of a dossier (chủ hồ sơ).
    public struct Owner: Sendable, Equatable {
        /// `ChuHoSo`: full name or organisation name, when known.
        public var name: String?
        /// `LoaiDoiTuong`: 1 công dân, 2 doanh nghiệp, 3 cơ quan nhà nước, 4 tổ chức / khác.
        public var kind: Int
        /// Identifiers, the main one first: its value is `SoGiayToChuHoSo`; all go to `DinhDanhCHS`.
        public var identifiers: [Identifier]
        public var email: String?
        public var phone: String?

        public init(name: String?, kind: Int, identifiers: [Identifier], email: String? = nil, phone: String? = nil) {
            self.name = name
            self.kind = kind
            self.identifiers = identifiers
            self.email = email
            self.phone = phone
        }
    }

    /// One identifier of the owner (`DinhDanhCHS`).
    public struct Identifier: Sendable, Equatable {
        /// `LoaiDinhDanh`: `SO_DINH_DANH` (CCCD), `CMND`, `HO_CHIEU`, `MST` (DOMAIN.md §9.2).
        public var kind: String
        /// `SoDinhDanh`.
        public var value: String

        public init(kind: String, value: String) {
            self.kind = kind
            self.value = value
        }

        /// The portal's identifier kind for an owner identifier of the warehouse.
        public init(_ identifier: OwnerIdentifier) {
            self.init(kind: Self.portalKind(identifier.kind), value: identifier.value)
        }

        /// `cccd` → `SO_DINH_DANH`, `cmnd` → `CMND`, `passport` → `HO_CHIEU`, `mst` → `MST`; others upper-cased.
        public static func portalKind(_ warehouseKind: String) -> String {
            switch warehouseKind {
            case "cccd": "SO_DINH_DANH"
            case "cmnd": "CMND"
            case "passport": "HO_CHIEU"
            case "mst": "MST"
            default: warehouseKind.uppercased()
            }
        }
    }

    /// One paper of the dossier and how it came to the warehouse (`TaiLieuNop`).
    public struct Component: Sendable, Equatable {
        /// The component's name at the desk (sent as the file name when it has no file).
        public var name: String
        /// `MaThanhPhanHoSo`: the national component code, when the procedure catalogue gives one.
        public var componentCode: String?
        /// `DuocSoHoa`: a digitised document stands for it.
        public var digitised: Bool
        /// `DuocTaiSuDung`: that document was already in the warehouse and was reused, not scanned again.
        public var reused: Bool
        /// `MaKetQuaThayThe`: the result type (`KQ.*`) of the earlier issued result that stands for it.
        public var substituteResultType: String?
        /// `DuocLayTuKhoDMQG`: taken from the national digitised-result store.
        public var fromNationalStore: Bool
        /// The files of the document; one `TaiLieuNop` entry each.
        public var files: [File]

        public init(
            name: String, componentCode: String? = nil, digitised: Bool, reused: Bool, substituteResultType: String? = nil,
            fromNationalStore: Bool = false, files: [File]
        ) {
            self.name = name
            self.componentCode = componentCode
            self.digitised = digitised
            self.reused = reused
            self.substituteResultType = substituteResultType
            self.fromNationalStore = fromNationalStore
            self.files = files
        }
    }

    /// One file of a component (`TepDinhKemId`, `TenTepDinhKem`, `DuongDanTaiTepTin`).
    public struct File: Sendable, Equatable {
        public var id: String
        public var name: String
        /// A public download address, when one is published.
        public var url: String?

        public init(id: String, name: String, url: String? = nil) {
            self.id = id
            self.name = name
            self.url = url
        }
    }

    /// An issued result (`DanhSachGiayToKetQua`).
    public struct IssuedPaper: Sendable, Equatable {
        /// `GiayToId`: the electronic result code `{dossier}-KQ{n}`.
        public var resultCode: String
        /// `TenGiayTo`.
        public var name: String
        /// `MaGiayToKetQua`: the result type `KQ.Gxx.xxxxxx`.
        public var resultType: String
        /// `MaThanhPhanHoSo`, when the catalogue gives one.
        public var componentCode: String?
        /// `DuongDanTepTinKetQua`.
        public var url: String?

        public init(resultCode: String, name: String, resultType: String, componentCode: String? = nil, url: String? = nil) {
            self.resultCode = resultCode
            self.name = name
            self.resultType = resultType
            self.componentCode = componentCode
            self.url = url
        }
    }

    /// A fee or charge (`DanhSachLePhi`).
    public struct Fee: Sendable, Equatable {
        public var name: String
        public var code: String
        /// `HinhThucThu`: how it is collected.
        public var collection: String
        /// `Gia`: the amount in đồng.
        public var amount: Int
        /// `LoaiPhiLePhi`.
        public var kind: String

        public init(name: String, code: String, collection: String, amount: Int, kind: String) {
            self.name = name
            self.code = code
            self.collection = collection
            self.amount = amount
            self.kind = kind
        }
    }

    /// A supplement request (`DanhSachHoSoBoSung`): a pause of the dossier that moved its due date.
    public struct Supplement: Sendable, Equatable {
        public var id: Int
        public var requestedBy: String
        public var content: String
        public var requestedAt: Date
        public var receivedBy: String?
        public var receivedInformation: String?
        public var receivedAt: Date?
        /// `TrangThaiBoSung`: the supplement was handed in.
        public var done: Bool
        public var previousDue: Date?
        public var newDue: Date?

        public init(
            id: Int, requestedBy: String, content: String, requestedAt: Date, receivedBy: String? = nil, receivedInformation: String? = nil,
            receivedAt: Date? = nil, done: Bool, previousDue: Date? = nil, newDue: Date? = nil
        ) {
            self.id = id
            self.requestedBy = requestedBy
            self.content = content
            self.requestedAt = requestedAt
            self.receivedBy = receivedBy
            self.receivedInformation = receivedInformation
            self.receivedAt = receivedAt
            self.done = done
            self.previousDue = previousDue
            self.newDue = newDue
        }
    }

    /// A paper handed in but not digitised (`DanhSachTepDinhKemKhac`).
    public struct OtherAttachment: Sendable, Equatable {
        public var name: String
        public var count: Int
        public var kind: Int

        public init(name: String, count: Int, kind: Int) {
            self.name = name
            self.count = count
            self.kind = kind
        }
    }
}

/// One progress step of a dossier (`CapNhatTienDoHoSoMC`, DOMAIN.md §6): who did what, when, and the
/// status it left the dossier in. The lifecycle's status changes produce one each.
public struct DossierProgressUpdate: Sendable, Equatable {
    /// `NguoiXuLy`: the official who acted.
    public var handler: String
    /// `ChucDanh`: their title.
    public var title: String?
    /// `ThoiDiemXuLy`.
    public var at: Date
    /// `PhongBanXuLy`.
    public var department: String?
    /// `NoiDungXuLy`: what was done.
    public var content: String?
    /// `TrangThai`: the status after this step.
    public var status: DossierStatus
    /// `NgayBatDau`: when this step started.
    public var started: Date?
    /// `NgayKetThucTheoQuyDinh`: when it must end by rule.
    public var dueBy: Date?

    public init(
        handler: String, title: String? = nil, at: Date, department: String? = nil, content: String? = nil, status: DossierStatus,
        started: Date? = nil, dueBy: Date? = nil
    ) {
        self.handler = handler
        self.title = title
        self.at = at
        self.department = department
        self.content = content
        self.status = status
        self.started = started
        self.dueBy = dueBy
    }
}
