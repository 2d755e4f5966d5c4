#!/bin/sh
# Regenerates Sources/WarehouseCore/Reports/Calendar/WorkingCalendar+Vietnam.swift from the JSON beside this script.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
json="$here/vn-civil-service-2024-2026.json"
out="$here/../../Sources/WarehouseCore/Reports/Calendar/WorkingCalendar+Vietnam.swift"
{
cat <<'HEAD'
import Foundation

// The bundled calendar. Its text is kept identical to `scripts/calendar/vn-civil-service-2024-2026.json`
// (a test compares the two); edit the JSON, then run `scripts/calendar/generate-swift.sh`.

extension WorkingCalendar {
    /// Vietnam, civil-service working days 2024–2026: Saturday and Sunday off, the public holidays of
    /// Labour Code 2019 art. 112 (Tết Dương lịch, Tết Nguyên đán, Giỗ Tổ Hùng Vương 10/3 âm lịch,
    /// 30/4, 1/5, 2/9 and one adjacent day) with the announced bridges and compensating Saturdays.
    ///
    /// Lines tagged `[R]` in their note are not yet confirmed against the official notice.
    public static let vietnam2024to2026: WorkingCalendar = {
        do {
            return try WorkingCalendar(json: Data(vietnam2024to2026JSON.utf8))
        } catch {
            // The text is a compile-time constant checked by the test suite; failing here is a build defect.
            preconditionFailure("bundled calendar is invalid: \(error)")
        }
    }()

    /// The calendar file behind ``vietnam2024to2026``, in the format ``init(json:)`` reads.
    public static let vietnam2024to2026JSON = #"""
HEAD
cat "$json"
cat <<'TAIL'
"""#
}
TAIL
} > "$out"
