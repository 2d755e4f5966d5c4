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
    /// The warehouse has no catalogue of procedures yet, so nothing is known: a dossier opened without
    /// a due date or processing time has no deadline (it is never late), and its field is empty. The
    /// catalogue fills this in from its `procedure` rows, valid on the day asked about.
    static func procedureTerms(_ db: Database, procedure: String) throws -> ProcedureTerms {
        ProcedureTerms()
    }
}
