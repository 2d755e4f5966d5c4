import Foundation

extension DocumentType {
    /// True for either side of a CCCD.
    var isCCCD: Bool { self == .cccdFront || self == .cccdBack }
}
