import Foundation
import GRDB

/// What the lifecycle needs to know about a procedure from the catalogue (DOMAIN.md §9.1 `procedure`).
public struct ProcedureTerms: Sendable, Hashable {
    /// The processing time (`thoi_han_giai_quyet`); nil when the catalogue does not know it.
    public var deadline: ProcessingDeadline?
    /// The field (`ma_linh_vuc`), for the metrics by field; nil when unknown.
    public var field: String?

    public init(deadline: ProcessingDeadline? = nil, field: String? = nil) {
        self.deadline = deadline
        self.field = field
    }
}

extension WarehouseDatabase {
    /// The one place the dossier lifecycle asks the catalogue about a procedure: the processing time
    /// of a new dossier (when none is given) and the field the metrics group by.
    ///
    /// From the catalogue's `procedure` row (`warehouse catalog import --kind procedures`): a processing
    /// time in working days, and the field. A procedure the catalogue does not have, or whose time it
    /// does not give, opens dossiers without a deadline (never late) unless the desk or `--due`/`--days`
    /// gives one. A time in calendar days is not turned into working days (the lifecycle counts working
    /// days or a fixed date): such dossiers need their due date given at intake.
    static func procedureTerms(_ db: Database, procedure: String) throws -> ProcedureTerms {
        guard let row = try Row.fetchOne(
            db, sql: "SELECT processingDays, processingDayUnit, fieldCode FROM procedure WHERE code = ?", arguments: [procedure])
        else { return ProcedureTerms() }
        let days: Int? = row["processingDays"]
        let unit: String? = row["processingDayUnit"]
        let deadline = days.flatMap { unit == "calendar" ? nil : ProcessingDeadline.workingDays($0) }
        return ProcedureTerms(deadline: deadline, field: row["fieldCode"])
    }
}
