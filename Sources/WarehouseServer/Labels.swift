import WarehouseCore

/// What the pages call things: document types and field names in Vietnamese, for clerks and citizens. The codes
/// stay in the JSON API and in forms (`field.hoTen`); a code without a label is shown as it is.
enum Labels {
    static func docType(_ code: String) -> String {
        guard let type = DocumentType(rawValue: code) else { return code }
        switch type {
        case .cccdFront: return "Căn cước công dân (mặt trước)"
        case .cccdBack: return "Căn cước công dân (mặt sau)"
        case .birthCertificate: return "Giấy khai sinh"
        case .maritalStatusCertificate: return "Giấy xác nhận tình trạng hôn nhân"
        case .decision: return "Quyết định"
        case .officialLetter: return "Công văn"
        case .directive: return "Chỉ thị"
        case .notice: return "Thông báo"
        case .plan: return "Kế hoạch"
        case .report: return "Báo cáo"
        case .submission: return "Tờ trình"
        case .invitation: return "Giấy mời"
        case .administrative: return "Văn bản hành chính"
        case .applicationForm: return "Tờ khai, đơn"
        case .other: return "Giấy tờ khác"
        }
    }

    static let fields: [String: String] = [
        FieldName.soDinhDanh: "Số định danh cá nhân", FieldName.soCMND: "Số CMND", FieldName.hoTen: "Họ và tên",
        FieldName.ngaySinh: "Ngày sinh", FieldName.gioiTinh: "Giới tính", FieldName.quocTich: "Quốc tịch", FieldName.danToc: "Dân tộc",
        FieldName.queQuan: "Quê quán", FieldName.noiThuongTru: "Nơi thường trú", FieldName.noiCuTru: "Nơi cư trú",
        FieldName.coGiaTriDen: "Có giá trị đến", FieldName.ngayCap: "Ngày cấp", FieldName.noiCap: "Nơi cấp", FieldName.noiSinh: "Nơi sinh",
        FieldName.hoTenMe: "Họ và tên mẹ", FieldName.hoTenCha: "Họ và tên cha", FieldName.soDangKy: "Số đăng ký", FieldName.quyenSo: "Quyển số",
        FieldName.ngayDangKy: "Ngày đăng ký", FieldName.coQuanDangKy: "Cơ quan đăng ký", FieldName.soKyHieu: "Số, ký hiệu",
        FieldName.soGiayTo: "Số giấy tờ", FieldName.tinhTrangHonNhan: "Tình trạng hôn nhân", FieldName.mucDichSuDung: "Mục đích sử dụng",
        FieldName.coQuanCap: "Cơ quan cấp", FieldName.nguoiKy: "Người ký", FieldName.ngayBanHanh: "Ngày ban hành",
        FieldName.coQuanBanHanh: "Cơ quan ban hành", FieldName.loaiVanBan: "Loại văn bản", FieldName.trichYeu: "Trích yếu",
        FieldName.coQuanChuQuan: "Cơ quan chủ quản", FieldName.chucVuNguoiKy: "Chức vụ người ký", FieldName.nguoiKySo: "Người ký số",
        FieldName.coQuanKySo: "Cơ quan ký số", FieldName.thoiGianKySo: "Thời gian ký số", FieldName.donViCongBo: "Đơn vị công bố",
        FieldName.thoiGianCongBo: "Thời gian công bố", FieldName.soDen: "Số đến", FieldName.ngayDen: "Ngày đến", FieldName.tieuDe: "Tiêu đề",
        FieldName.maSoThue: "Mã số thuế", FieldName.soDienThoai: "Số điện thoại", FieldName.ngayKhai: "Ngày khai",
    ]

    static func field(_ name: String) -> String { fields[name] ?? name }
}
