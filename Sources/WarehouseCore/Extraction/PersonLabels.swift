import Foundation

/// Labels shared by the civil-status papers and forms (Circular 04/2020/TT-BTP layouts).
enum PersonLabels {
    /// `Họ, chữ đệm, tên` of the person concerned, not of a parent or the requester.
    static let hoTen = FieldLabel(["ho, chu dem, ten", "ho, chu dem va ten", "ho va ten", "ho ten"],
                                  notFollowedBy: ["nguoi", "cua", "me", "cha", "vo", "chong"])
    static let ngaySinh = FieldLabel(["ngay, thang, nam sinh", "ngay sinh"])
    static let namSinh = FieldLabel(["nam sinh"])
    static let gioiTinh = FieldLabel(["gioi tinh"])
    static let danToc = FieldLabel(["dan toc"])
    static let quocTich = FieldLabel(["quoc tich"])
    static let noiSinh = FieldLabel(["noi sinh"])
    static let queQuan = FieldLabel(["que quan"])
    static let noiCuTru = FieldLabel(["noi cu tru", "noi thuong tru", "dia chi thuong tru", "dia chi lien he", "dia chi tru so chinh",
                                      "dia chi tru so", "dia chi"])
    static let soDinhDanh = FieldLabel(["so dinh danh ca nhan", "so dinh danh", "so cccd", "so can cuoc cong dan", "so can cuoc"])
    static let giayTo = FieldLabel(["giay to tuy than", "giay to ca nhan", "giay to chung minh nhan than", "so giay to tuy than", "so giay to"])
    static let ghiBangChu = FieldLabel(["ghi bang chu", "bang chu"])
    static let loaiCuTru = FieldLabel(["loai cu tru"])
    static let hoTenMe = FieldLabel(["ho, chu dem, ten nguoi me", "ho, chu dem, ten me", "ho va ten me", "ho ten me", "ho va ten nguoi me",
                                     "ho, chu dem va ten nguoi me", "ho ten nguoi me"])
    static let hoTenCha = FieldLabel(["ho, chu dem, ten nguoi cha", "ho, chu dem, ten cha", "ho va ten cha", "ho ten cha", "ho va ten nguoi cha",
                                      "ho, chu dem va ten nguoi cha", "ho ten nguoi cha"])

    /// Labels that can follow on the same line and end a value.
    static let stops: [FieldLabel] = [
        hoTen, ngaySinh, namSinh, gioiTinh, danToc, quocTich, noiSinh, queQuan, noiCuTru, soDinhDanh, giayTo, ghiBangChu,
        loaiCuTru, hoTenMe, hoTenCha,
    ]
}
