import Hummingbird
import WarehouseCore

/// The request context: who is signed in, if anyone.
public struct AppContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    public var account: Account?
    public var session: SessionRecord?
    /// The client's IP address (nil in router tests without a socket): limits are per address.
    public let clientAddress: String?

    public init(source: Source) {
        self.coreContext = .init(source: source)
        self.clientAddress = source.channel.remoteAddress?.ipAddress
    }

    /// JSON bodies are small; uploads are streamed and bounded separately.
    public var maxUploadSize: Int { 1 << 20 }

    /// The signed-in person as the access policy sees them.
    public var actor: Actor? { account.map(Actor.init) }
}
