import Foundation
import Testing

@testable import WarehouseCore

/// The national portal's payloads (DOMAIN.md §6): field names, values and date format.
@Suite("National-portal payloads")
struct SyncPayloadTests {
    /// An instant given in Vietnam local time.
    static func vn(_ text: String) -> Date {
        let f = VietnamTime.formatter("yyyy-MM-dd HH:mm:ss")
        return f.date(from: text)!
    }

    @Test("instants are yyyyMMddHHmmss in Vietnam time, across day and year boundaries, and parse back")
    func portalTime() throws {
        #expect(PortalTime.string(Self.vn("2024-11-05 08:30:00")) == "20241105083000")
        // 17:00 UTC on 31 December is already midnight of the new year in Hà Nội.
        #expect(PortalTime.string(Date(timeIntervalSince1970: 1_735_664_400)) == "20250101000000")
        #expect(PortalTime.string(Date(timeIntervalSince1970: 1_735_664_399.9)) == "20241231235959")
        #expect(PortalTime.string(Date(timeIntervalSince1970: 0)) == "19700101070000")
        #expect(PortalTime.string(nil as Date?) == "")
        for text in ["20241105083000", "20240229235959", "20250101000000"] {
            let date = try #require(PortalTime.date(text))
            #expect(PortalTime.string(date) == text)
        }
        #expect(PortalTime.date("20241105083000") == Self.vn("2024-11-05 08:30:00"))
        for bad in ["", "2024110508300", "202411050830000", "20241305083000", "20230229083000", "20241105246000", "2024-11-05 08:3"] {
            #expect(PortalTime.date(bad) == nil, "\(bad)")
        }
    }

    /// The §9.6 fixture dossier: kênh 2, trạng thái 10, three components, one result.
    static func fixture() -> DossierSyncSnapshot {
        var s = DossierSyncSnapshot(
            code: "000.12.34.H56-241105-0007", procedureCode: "1.001193", agencyCode: "000.12.34.H56",
            owner: .init(
                name: "Nguyễn Văn An", kind: 1,
                identifiers: [.init(kind: "SO_DINH_DANH", value: "038090012345"), .init(kind: "CMND", value: "173456789")]))
        s.procedureName = "Đăng ký khai sinh"
        s.status = .returned
        s.channel = .online
        s.submitted = vn("2024-11-05 08:30:00")
        s.received = vn("2024-11-05 08:30:00")
        s.due = vn("2024-11-05 17:00:00")
        s.finished = vn("2024-11-05 15:00:00")
        s.returned = vn("2024-11-05 15:45:00")
        s.components = [
            .init(
                name: "Tờ khai đăng ký khai sinh", componentCode: "TK-KS", digitised: true, reused: false,
                files: [.init(id: "a1", name: "to-khai.png")]),
            .init(name: "Giấy chứng sinh", digitised: true, reused: false, files: [.init(id: "b1", name: "chung-sinh-1.png"), .init(id: "b2", name: "chung-sinh-2.png")]),
            .init(
                name: "Giấy chứng nhận kết hôn của cha mẹ", digitised: true, reused: true, substituteResultType: "KQ.G15.000032",
                files: [.init(id: "c1", name: "ket-hon.pdf")]),
        ]
        s.results = [.init(resultCode: "000.12.34.H56-241105-0007-KQ1", name: "Giấy khai sinh", resultType: "KQ.G15.000031")]
        return s
    }

    /// Keys of a JSON object.
    static func keys(_ json: Any?) -> Set<String> {
        Set((json as? [String: Any])?.keys.map { $0 } ?? [])
    }

    @Test("DongBoHoSoMC has exactly the field names of DOMAIN.md §6, with the fixture's values")
    func dossierPayload() throws {
        let json = try PortalJSON.encode(PortalDossier(Self.fixture()))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let expected: Set<String> = [
            "MaHoSo", "MaTTHC", "TenTTHC", "MaLinhVuc", "TenLinhVuc", "KenhThucHien", "ChuHoSo", "SoGiayToChuHoSo", "LoaiDoiTuong",
            "MaDoiTuong", "ThongTinKhac", "Email", "Fax", "SoDienThoai", "TrichYeuHoSo", "NgayNopHoSo", "NgayTiepNhan", "NgayHenTra",
            "NgayTra", "NgayKetThucXuLy", "NgayTuChoi", "TrangThaiHoSo", "ThongTinTra", "HinhThuc", "DonViXuLy", "GhiChu", "NoiNopHoSo",
            "HoSoCoThanhPhanSoHoa", "TaiKhoanDuocXacThucVoiVNeID", "DuocThanhToanTrucTuyen", "DinhDanhCHS", "DSKetNoiCSDL", "TaiLieuNop",
            "DanhSachLePhi", "DanhSachTepDinhKemKhac", "DanhSachHoSoBoSung", "DanhSachGiayToKetQua",
        ]
        #expect(Set(object.keys) == expected)
        #expect(object["MaHoSo"] as? String == "000.12.34.H56-241105-0007")
        #expect(object["KenhThucHien"] as? String == "2")
        #expect(object["TrangThaiHoSo"] as? String == "10")
        #expect(object["NgayTiepNhan"] as? String == "20241105083000")
        #expect(object["NgayHenTra"] as? String == "20241105170000")
        #expect(object["NgayTra"] as? String == "20241105154500")
        #expect(object["NgayKetThucXuLy"] as? String == "20241105150000")
        #expect(object["NgayTuChoi"] as? String == "")
        #expect(object["SoGiayToChuHoSo"] as? String == "038090012345")
        #expect(object["ChuHoSo"] as? String == "Nguyễn Văn An")
        #expect(object["HoSoCoThanhPhanSoHoa"] as? String == "1")
        #expect(object["DonViXuLy"] as? String == "000.12.34.H56")
        #expect(json.contains("Nguyễn Văn An"), "Vietnamese letters are written as they are, not escaped")

        let owners = try #require(object["DinhDanhCHS"] as? [[String: Any]])
        #expect(owners.map { $0["LoaiDinhDanh"] as? String } == ["SO_DINH_DANH", "CMND"])
        #expect(Self.keys(owners.first) == ["LoaiDinhDanh", "SoDinhDanh"])

        let files = try #require(object["TaiLieuNop"] as? [[String: Any]])
        #expect(files.count == 4, "one entry per file: 1 + 2 + 1")
        #expect(
            Self.keys(files.first) == [
                "TepDinhKemId", "TenTepDinhKem", "IsDeleted", "MaThanhPhanHoSo", "DuongDanTaiTepTin", "DuocSoHoa", "DuocTaiSuDung",
                "DuocLayTuKhoDMQG", "MaKetQuaThayThe",
            ])
        #expect(files.map { $0["DuocSoHoa"] as? String } == ["1", "1", "1", "1"])
        #expect(files.map { $0["DuocTaiSuDung"] as? String } == ["0", "0", "0", "1"])
        #expect(files.map { $0["MaKetQuaThayThe"] as? String } == ["", "", "", "KQ.G15.000032"])
        #expect(files.first?["MaThanhPhanHoSo"] as? String == "TK-KS")

        let results = try #require(object["DanhSachGiayToKetQua"] as? [[String: Any]])
        #expect(Self.keys(results.first) == ["TenGiayTo", "MaThanhPhanHoSo", "GiayToId", "DuongDanTepTinKetQua", "MaGiayToKetQua"])
        #expect(results.first?["MaGiayToKetQua"] as? String == "KQ.G15.000031")
        #expect(results.first?["GiayToId"] as? String == "000.12.34.H56-241105-0007-KQ1")
    }

    @Test("the lists without values today still carry the field names of DOMAIN.md §6 when filled")
    func otherLists() throws {
        var s = Self.fixture()
        s.fees = [.init(name: "Lệ phí đăng ký", code: "LP01", collection: "1", amount: 8000, kind: "1")]
        s.supplements = [
            .init(
                id: 1, requestedBy: "canbo.phuong", content: "Bổ sung giấy chứng sinh", requestedAt: Self.vn("2024-11-05 09:00:00"),
                done: false, previousDue: Self.vn("2024-11-05 17:00:00"), newDue: Self.vn("2024-11-06 17:00:00"))
        ]
        s.otherAttachments = [.init(name: "Bản sao sổ hộ khẩu", count: 1, kind: 2)]
        s.connectedDatabases = ["CSDLQGDC"]
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(try PortalJSON.encode(PortalDossier(s)).utf8)) as? [String: Any])
        #expect(Self.keys((object["DanhSachLePhi"] as? [Any])?.first) == ["TenPhiLePhi", "MaPhiLePhi", "HinhThucThu", "Gia", "LoaiPhiLePhi"])
        #expect(((object["DanhSachLePhi"] as? [[String: Any]])?.first?["Gia"] as? String) == "8000")
        #expect(
            Self.keys((object["DanhSachHoSoBoSung"] as? [Any])?.first) == [
                "HoSoBoSungId", "NguoiYeuCauBoSung", "NoiDungBoSung", "NgayBoSung", "NguoiTiepNhanBoSung", "ThongTinTiepNhan",
                "NgayTiepNhanBoSung", "TrangThaiBoSung", "DanhSachGiayToBoSung", "DanhSachLePhiBoSung", "NgayHenTraTruoc", "NgayHenTraMoi",
            ])
        #expect(((object["DanhSachHoSoBoSung"] as? [[String: Any]])?.first?["NgayHenTraMoi"] as? String) == "20241106170000")
        #expect(Self.keys((object["DanhSachTepDinhKemKhac"] as? [Any])?.first) == ["TenGiayTo", "SoLuong", "LoaiGiayTo"])
        #expect(Self.keys((object["DSKetNoiCSDL"] as? [Any])?.first) == ["MaCSDL"])
    }

    @Test("CapNhatTienDoHoSoMC has exactly the field names of DOMAIN.md §6")
    func progressPayload() throws {
        let update = DossierProgressUpdate(
            handler: "Lê Văn Cán Bộ", title: "Công chức tư pháp - hộ tịch", at: Self.vn("2024-11-05 09:15:30"), department: "Bộ phận Một cửa",
            content: "Yêu cầu bổ sung giấy chứng sinh", status: .supplementRequested, started: Self.vn("2024-11-05 08:30:00"),
            dueBy: Self.vn("2024-11-05 17:00:00"))
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(try PortalJSON.encode(PortalProgress(dossier: "000.12.34.H56-241105-0007", update)).utf8))
                as? [String: Any])
        #expect(
            Set(object.keys) == [
                "MaHoSo", "NguoiXuLy", "ChucDanh", "ThoiDiemXuLy", "PhongBanXuLy", "NoiDungXuLy", "TrangThai", "NgayBatDau",
                "NgayKetThucTheoQuyDinh",
            ])
        #expect(object["ThoiDiemXuLy"] as? String == "20241105091530")
        #expect(object["TrangThai"] as? String == "5")
        #expect(object["NgayBatDau"] as? String == "20241105083000")
        #expect(object["NgayKetThucTheoQuyDinh"] as? String == "20241105170000")
    }

    @Test("the request envelope is the portal's: service, isUpdating for dossiers, data as a list")
    func envelope() throws {
        let message = SyncMessage(
            id: 1, messageId: "m", kind: .dossier, dossierCode: "x", payload: #"{"MaHoSo":"x"}"#, createdAt: Date(), updatedAt: Date(),
            superseded: 0, attempts: 0, nextAttemptAt: Date(), lastAttemptAt: nil, lastError: nil, state: .pending, sentAt: nil, claimedBy: nil)
        let body = try #require(try JSONSerialization.jsonObject(with: message.requestBody(isUpdating: true)) as? [String: Any])
        #expect(body["service"] as? String == "DongBoHoSoMC")
        #expect(body["isUpdating"] as? Bool == true)
        #expect((body["data"] as? [[String: Any]])?.first?["MaHoSo"] as? String == "x")
        var progress = message
        progress.kind = .progress
        let other = try #require(try JSONSerialization.jsonObject(with: progress.requestBody(isUpdating: true)) as? [String: Any])
        #expect(Set(other.keys) == ["service", "data"])
        #expect(other["service"] as? String == "CapNhatTienDoHoSoMC")
    }
}
