import Testing

@testable import WarehouseCore

@Suite("Text from outside in the log")
struct LogTextTests {
    @Test("a file name cannot forge a log line or show reversed; Vietnamese stays as it is")
    func escapes() {
        #expect(LogText.escaped("a.pdf\n2026-12-02T12:00:00+0000 info warehouse: all good") == "a.pdf\\u{a}2026-12-02T12:00:00+0000 info warehouse: all good")
        #expect(LogText.escaped("to\r\u{1B}[31mkhai") == "to\\u{d}\\u{1b}[31mkhai")
        #expect(LogText.escaped("hoso\u{202E}fdp.exe") == "hoso\\u{202e}fdp.exe")
        #expect(LogText.escaped("tờ khai đăng ký khai sinh.pdf") == "tờ khai đăng ký khai sinh.pdf")
    }
}
