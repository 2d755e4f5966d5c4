import Foundation
import Testing

@testable import WarehouseCore

@Suite("Backfill manifest")
struct BackfillManifestTests {
    static let header = "path,owner,procedure,dossier,agency,component,kind,resultType\n"
    static let row = "038090012345,1.001193,000.12.34.H56-190315-0007,000.12.34.H56"

    @Test("the most specific row wins: the file's own, else the nearest folder's, else the root's")
    func specificity() throws {
        let manifest = try BackfillManifest(
            csv: "\u{FEFF}" + Self.header + """
                ./,\(Self.row),,,
                2019/,\(Self.row),,,
                2019/hs-0007/to-khai.png,\(Self.row),Tờ khai,component,
                2019/hs-0007/giay-khai-sinh.png,\(Self.row),,result,KQ.G15.000031
                """)
        #expect(manifest.entries.count == 4)
        #expect(manifest.entry(for: "2019/hs-0007/to-khai.png")?.component == "Tờ khai")
        #expect(manifest.entry(for: "2019/hs-0007/cccd.png")?.path == "2019/")
        #expect(manifest.entry(for: "2020/cccd.png")?.path == "/")
        let result = try #require(manifest.entry(for: "./2019//hs-0007/giay-khai-sinh.png"))
        #expect(result.kind == 1 && result.resultType == "KQ.G15.000031")
    }

    @Test("quoted fields with commas and line breaks are read as CSV")
    func quoting() throws {
        let manifest = try BackfillManifest(
            csv: Self.header + "\"2019/a, b.png\",\(Self.row),\"Tờ khai, bản chính\",,\n")
        #expect(manifest.entry(for: "2019/a, b.png")?.component == "Tờ khai, bản chính")
    }

    @Test(
        "a bad manifest is refused with the line and the column named",
        arguments: [
            ("path,owner\nx,038090012345\n", "no \"procedure\" column"),
            (header + "2019/,03809001234,1.001193,000.12.34.H56-190315-0007,000.12.34.H56,,,\n", "line 2, owner"),
            (header + "2019/,038090012345,1.001193,000.12.34.H56-191315-0007,000.12.34.H56,,,\n", "line 2, dossier"),
            (header + "../x/,\(row),,,\n", "leaves the archive"),
            (header + "a/,\(row),,,\na/,\(row),,,\n", "already described on line 2"),
            (header + "a/,\(row),,paper,\n", "line 2, kind"),
            (header + ",\(row),,,\n", "the path is empty"),
        ])
    func refused(_ csv: String, _ message: String) {
        #expect {
            _ = try BackfillManifest(csv: csv, name: "m.csv")
        } throws: { error in
            "\(error)".contains(message)
        }
    }

    @Test("an empty agency takes --agency; without it the row is refused")
    func defaultAgency() throws {
        let text = Self.header + "a/,038090012345,1.001193,000.12.34.H56-190315-0007,,,,\n"
        let agency = try AgencyCode("000.12.34.H56")
        #expect(try BackfillManifest(csv: text, defaultAgency: agency).entries.first?.agency == agency)
        #expect(throws: BackfillError.self) { try BackfillManifest(csv: text) }
    }
}

@Suite("Desk activity markers")
struct DeskActivityTests {
    @Test("a live desk's marker makes the warehouse busy until it ends; a dead process's marker is cleared")
    func markers() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("desk-activity-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let activity = DeskActivity(layout: StorageLayout(root: root))
        #expect(!activity.isBusy())
        let marker = activity.begin()
        #expect(activity.isBusy())
        marker.end()
        #expect(!activity.isBusy())

        // A desk process that died mid-job (pid far above pid_max) left its marker behind.
        let stale = activity.directory.appendingPathComponent("desk-2147483600-\(UUID().uuidString)")
        #expect(FileManager.default.createFile(atPath: stale.path, contents: nil))
        #expect(!activity.isBusy())
        #expect(!FileManager.default.fileExists(atPath: stale.path))
    }
}
