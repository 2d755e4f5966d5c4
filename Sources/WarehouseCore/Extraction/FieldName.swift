import Foundation

/// Stable camelCase field names used in `Extraction.fields` (see docs/fields.md).
public enum FieldName {
    /// 12-digit personal identification number (CCCD).
    public static let soDinhDanh = "soDinhDanh"
    /// Old 9-digit CMND number (from the chip QR).
    public static let soCMND = "soCMND"
    /// Full name.
    public static let hoTen = "hoTen"
    /// Date of birth, `yyyy-MM-dd`.
    public static let ngaySinh = "ngaySinh"
    /// Sex: `Nam` or `Nữ`.
    public static let gioiTinh = "gioiTinh"
    /// Nationality.
    public static let quocTich = "quocTich"
    /// Ethnicity (sensitive personal data).
    public static let danToc = "danToc"
    /// Place of origin / place of birth registration.
    public static let queQuan = "queQuan"
    /// Permanent residence as printed on a CCCD.
    public static let noiThuongTru = "noiThuongTru"
    /// Place of residence on certificates and forms.
    public static let noiCuTru = "noiCuTru"
    /// Expiry or validity end date, `yyyy-MM-dd`.
    public static let coGiaTriDen = "coGiaTriDen"
    /// Issue date, `yyyy-MM-dd`.
    public static let ngayCap = "ngayCap"
    /// Issuing authority of a CCCD.
    public static let noiCap = "noiCap"
    /// Place of birth.
    public static let noiSinh = "noiSinh"
    /// Mother's full name.
    public static let hoTenMe = "hoTenMe"
    /// Father's full name.
    public static let hoTenCha = "hoTenCha"
    /// Registration number in the civil-status book.
    public static let soDangKy = "soDangKy"
    /// Civil-status book number, e.g. `01/2024`.
    public static let quyenSo = "quyenSo"
    /// Registration date, `yyyy-MM-dd`.
    public static let ngayDangKy = "ngayDangKy"
    /// Registering authority.
    public static let coQuanDangKy = "coQuanDangKy"
    /// Document number and symbol, e.g. `45/QĐ-UBND`.
    public static let soKyHieu = "soKyHieu"
    /// Number of the identity paper quoted on a certificate.
    public static let soGiayTo = "soGiayTo"
    /// Marital status as certified.
    public static let tinhTrangHonNhan = "tinhTrangHonNhan"
    /// Purpose the certificate was issued for.
    public static let mucDichSuDung = "mucDichSuDung"
    /// Issuing authority of a certificate.
    public static let coQuanCap = "coQuanCap"
    /// Signer's name.
    public static let nguoiKy = "nguoiKy"
    /// Issue date of an administrative document, `yyyy-MM-dd`.
    public static let ngayBanHanh = "ngayBanHanh"
    /// Issuing body of an administrative document.
    public static let coQuanBanHanh = "coQuanBanHanh"
    /// Kind of administrative document (`Quyết định`, `Công văn`, `Thông báo`, …).
    public static let loaiVanBan = "loaiVanBan"
    /// Summary of the subject (`Về việc …`, `V/v …`) without the prefix.
    public static let trichYeu = "trichYeu"
    /// Parent body printed above the issuing body in the header (`UBND tỉnh Quảng Ngãi` over `Ban Chỉ đạo 138`).
    public static let coQuanChuQuan = "coQuanChuQuan"
    /// Authority and title lines of the signature block, joined with ` / ` (`KT. CHỦ TỊCH / PHÓ CHỦ TỊCH`).
    public static let chucVuNguoiKy = "chucVuNguoiKy"
    /// Who an e-signature stamp says signed the file (`Ký bởi:` / `Người ký:`).
    public static let nguoiKySo = "nguoiKySo"
    /// The agency of an e-signature stamp (`Cơ quan:`).
    public static let coQuanKySo = "coQuanKySo"
    /// When the file was e-signed, ISO 8601 with offset (`2025-02-06T16:03:18+07:00`): not the paper's date.
    public static let thoiGianKySo = "thoiGianKySo"
    /// Who published the file (an Official Gazette centre's stamp).
    public static let donViCongBo = "donViCongBo"
    /// When the file was published, ISO 8601 with offset.
    public static let thoiGianCongBo = "thoiGianCongBo"
    /// Number of a received-paper stamp (`CV ĐẾN`, `Số đến`), not the paper's own number.
    public static let soDen = "soDen"
    /// Date of a received-paper stamp, `yyyy-MM-dd`, not the paper's own date.
    public static let ngayDen = "ngayDen"
    /// Title of an application form.
    public static let tieuDe = "tieuDe"
    /// Tax code, checksum-validated.
    public static let maSoThue = "maSoThue"
    /// Phone number, digits only (a leading `+` kept).
    public static let soDienThoai = "soDienThoai"
    /// Date the form was filled in, `yyyy-MM-dd`.
    public static let ngayKhai = "ngayKhai"
}
