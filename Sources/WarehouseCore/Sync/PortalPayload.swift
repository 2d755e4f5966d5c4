import Foundation

// The national portal's wire format (DOMAIN.md §6). Property names are the portal's field names,
// letter for letter, so that the mapping can be read against the specification without a CodingKeys
// table in between. Every value is text, as the portal's clients send it: codes and flags as digits
// ("1", "0"), instants as `yyyyMMddHHmmss` in Vietnam time, unknown values as "".

/// One dossier of a `DongBoHoSoMC` call.
public struct PortalDossier: Codable, Sendable, Equatable {
    public var MaHoSo: String
    public var MaTTHC: String
    public var TenTTHC: String
    public var MaLinhVuc: String
    public var TenLinhVuc: String
    public var KenhThucHien: String
    public var ChuHoSo: String
    public var SoGiayToChuHoSo: String
    public var LoaiDoiTuong: String
    public var MaDoiTuong: String
    public var ThongTinKhac: String
    public var Email: String
    public var Fax: String
    public var SoDienThoai: String
    public var TrichYeuHoSo: String
    public var NgayNopHoSo: String
    public var NgayTiepNhan: String
    public var NgayHenTra: String
    public var NgayTra: String
    public var NgayKetThucXuLy: String
    public var NgayTuChoi: String
    public var TrangThaiHoSo: String
    public var ThongTinTra: String
    public var HinhThuc: String
    public var DonViXuLy: String
    public var GhiChu: String
    public var NoiNopHoSo: String
    public var HoSoCoThanhPhanSoHoa: String
    public var TaiKhoanDuocXacThucVoiVNeID: String
    public var DuocThanhToanTrucTuyen: String
    public var DinhDanhCHS: [PortalIdentifier]
    public var DSKetNoiCSDL: [PortalDatabase]
    public var TaiLieuNop: [PortalSubmittedFile]
    public var DanhSachLePhi: [PortalFee]
    public var DanhSachTepDinhKemKhac: [PortalOtherAttachment]
    public var DanhSachHoSoBoSung: [PortalSupplement]
    public var DanhSachGiayToKetQua: [PortalResult]
}

/// `DinhDanhCHS[]`.
public struct PortalIdentifier: Codable, Sendable, Equatable {
    public var LoaiDinhDanh: String
    public var SoDinhDanh: String
}

/// `DSKetNoiCSDL[]`.
public struct PortalDatabase: Codable, Sendable, Equatable {
    public var MaCSDL: String
}

/// `TaiLieuNop[]`: one submitted file, with how its component was digitised or reused.
public struct PortalSubmittedFile: Codable, Sendable, Equatable {
    public var TepDinhKemId: String
    public var TenTepDinhKem: String
    public var IsDeleted: String
    public var MaThanhPhanHoSo: String
    public var DuongDanTaiTepTin: String
    public var DuocSoHoa: String
    public var DuocTaiSuDung: String
    public var DuocLayTuKhoDMQG: String
    public var MaKetQuaThayThe: String
}

/// `DanhSachLePhi[]`.
public struct PortalFee: Codable, Sendable, Equatable {
    public var TenPhiLePhi: String
    public var MaPhiLePhi: String
    public var HinhThucThu: String
    public var Gia: String
    public var LoaiPhiLePhi: String
}

/// `DanhSachTepDinhKemKhac[]`.
public struct PortalOtherAttachment: Codable, Sendable, Equatable {
    public var TenGiayTo: String
    public var SoLuong: String
    public var LoaiGiayTo: String
}

/// `DanhSachHoSoBoSung[]`.
public struct PortalSupplement: Codable, Sendable, Equatable {
    public var HoSoBoSungId: String
    public var NguoiYeuCauBoSung: String
    public var NoiDungBoSung: String
    public var NgayBoSung: String
    public var NguoiTiepNhanBoSung: String
    public var ThongTinTiepNhan: String
    public var NgayTiepNhanBoSung: String
    public var TrangThaiBoSung: String
    public var DanhSachGiayToBoSung: [PortalSubmittedFile]
    public var DanhSachLePhiBoSung: [PortalFee]
    public var NgayHenTraTruoc: String
    public var NgayHenTraMoi: String
}

/// `DanhSachGiayToKetQua[]`.
public struct PortalResult: Codable, Sendable, Equatable {
    public var TenGiayTo: String
    public var MaThanhPhanHoSo: String
    public var GiayToId: String
    public var DuongDanTepTinKetQua: String
    public var MaGiayToKetQua: String
}

/// One step of a `CapNhatTienDoHoSoMC` call.
public struct PortalProgress: Codable, Sendable, Equatable {
    public var MaHoSo: String
    public var NguoiXuLy: String
    public var ChucDanh: String
    public var ThoiDiemXuLy: String
    public var PhongBanXuLy: String
    public var NoiDungXuLy: String
    public var TrangThai: String
    public var NgayBatDau: String
    public var NgayKetThucTheoQuyDinh: String
}

// MARK: - Building

extension PortalDossier {
    /// The `DongBoHoSoMC` record of a snapshot.
    public init(_ s: DossierSyncSnapshot) {
        let main = s.owner.identifiers.first
        MaHoSo = s.code
        MaTTHC = s.procedureCode
        TenTTHC = s.procedureName ?? ""
        MaLinhVuc = s.fieldCode ?? ""
        TenLinhVuc = s.fieldName ?? ""
        KenhThucHien = s.channel.map { String($0.rawValue) } ?? ""
        ChuHoSo = s.owner.name ?? ""
        SoGiayToChuHoSo = main?.value ?? ""
        LoaiDoiTuong = String(s.owner.kind)
        MaDoiTuong = ""
        ThongTinKhac = ""
        Email = s.owner.email ?? ""
        Fax = ""
        SoDienThoai = s.owner.phone ?? ""
        TrichYeuHoSo = s.summary ?? ""
        NgayNopHoSo = PortalTime.string(s.submitted)
        NgayTiepNhan = PortalTime.string(s.received)
        NgayHenTra = PortalTime.string(s.due)
        NgayTra = PortalTime.string(s.returned)
        NgayKetThucXuLy = PortalTime.string(s.finished)
        NgayTuChoi = PortalTime.string(s.refused)
        TrangThaiHoSo = s.status.map { String($0.rawValue) } ?? ""
        ThongTinTra = ""
        HinhThuc = ""
        DonViXuLy = s.processingAgencyCode ?? s.agencyCode
        GhiChu = ""
        NoiNopHoSo = s.agencyCode
        HoSoCoThanhPhanSoHoa = Self.flag(s.hasDigitisedComponent)
        TaiKhoanDuocXacThucVoiVNeID = Self.flag(s.verifiedWithVNeID)
        DuocThanhToanTrucTuyen = Self.flag(s.paidOnline)
        DinhDanhCHS = s.owner.identifiers.map { PortalIdentifier(LoaiDinhDanh: $0.kind, SoDinhDanh: $0.value) }
        DSKetNoiCSDL = s.connectedDatabases.map { PortalDatabase(MaCSDL: $0) }
        TaiLieuNop = s.components.flatMap(Self.submittedFiles)
        DanhSachLePhi = s.fees.map(Self.fee)
        DanhSachTepDinhKemKhac = s.otherAttachments.map {
            PortalOtherAttachment(TenGiayTo: $0.name, SoLuong: String($0.count), LoaiGiayTo: String($0.kind))
        }
        DanhSachHoSoBoSung = s.supplements.map {
            PortalSupplement(
                HoSoBoSungId: String($0.id), NguoiYeuCauBoSung: $0.requestedBy, NoiDungBoSung: $0.content,
                NgayBoSung: PortalTime.string($0.requestedAt), NguoiTiepNhanBoSung: $0.receivedBy ?? "",
                ThongTinTiepNhan: $0.receivedInformation ?? "", NgayTiepNhanBoSung: PortalTime.string($0.receivedAt),
                TrangThaiBoSung: Self.flag($0.done), DanhSachGiayToBoSung: [], DanhSachLePhiBoSung: [],
                NgayHenTraTruoc: PortalTime.string($0.previousDue), NgayHenTraMoi: PortalTime.string($0.newDue))
        }
        DanhSachGiayToKetQua = s.results.map {
            PortalResult(
                TenGiayTo: $0.name, MaThanhPhanHoSo: $0.componentCode ?? "", GiayToId: $0.resultCode, DuongDanTepTinKetQua: $0.url ?? "",
                MaGiayToKetQua: $0.resultType)
        }
    }

    /// `"1"` or `"0"`.
    static func flag(_ value: Bool) -> String { value ? "1" : "0" }

    /// One entry per file of the component; one entry named after the component when it has no file
    /// (a paper handed in but not scanned), so that every component is reported.
    static func submittedFiles(_ c: DossierSyncSnapshot.Component) -> [PortalSubmittedFile] {
        let files = c.files.isEmpty ? [DossierSyncSnapshot.File(id: "", name: c.name)] : c.files
        return files.map { file in
            PortalSubmittedFile(
                TepDinhKemId: file.id, TenTepDinhKem: file.name, IsDeleted: "0", MaThanhPhanHoSo: c.componentCode ?? "",
                DuongDanTaiTepTin: file.url ?? "", DuocSoHoa: flag(c.digitised), DuocTaiSuDung: flag(c.reused),
                DuocLayTuKhoDMQG: flag(c.fromNationalStore), MaKetQuaThayThe: c.substituteResultType ?? "")
        }
    }

    static func fee(_ f: DossierSyncSnapshot.Fee) -> PortalFee {
        PortalFee(TenPhiLePhi: f.name, MaPhiLePhi: f.code, HinhThucThu: f.collection, Gia: String(f.amount), LoaiPhiLePhi: f.kind)
    }
}

extension PortalProgress {
    /// The `CapNhatTienDoHoSoMC` record of one progress step of `dossier`.
    public init(dossier: String, _ u: DossierProgressUpdate) {
        MaHoSo = dossier
        NguoiXuLy = u.handler
        ChucDanh = u.title ?? ""
        ThoiDiemXuLy = PortalTime.string(u.at)
        PhongBanXuLy = u.department ?? ""
        NoiDungXuLy = u.content ?? ""
        TrangThai = String(u.status.rawValue)
        NgayBatDau = PortalTime.string(u.started)
        NgayKetThucTheoQuyDinh = PortalTime.string(u.dueBy)
    }
}

/// The JSON the outbox keeps and the sender posts: keys sorted, slashes and Vietnamese letters as they are.
enum PortalJSON {
    static func encode(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
