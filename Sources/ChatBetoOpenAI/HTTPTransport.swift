import ChatBetoSupport
import Foundation

/// The I/O seam below the OpenAI client: performs one request, streaming the body as it arrives.
public protocol HTTPTransport: Sendable {
    /// Performs `request`. `onBody` gets each body chunk as it arrives, together with the response head
    /// (known before the first chunk); returning false stops the transfer early without an error.
    /// Returns the head, or throws `TransportError` when no complete response could be read
    /// (connection failure, timeout, cancellation, connection dropped mid-body).
    func perform(_ request: HTTPRequest, cancellation: CancellationFlag?,
                 onBody: (HTTPResponseHead, Data) -> Bool) throws -> HTTPResponseHead
}

/// A failure below HTTP: nothing or not everything came back.
public struct TransportError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What kind of failure it was; decides whether a retry can help.
    public enum Kind: Sendable, Equatable {
        /// Could not connect or resolve.
        case connect
        /// Connect, idle or total timeout.
        case timeout
        /// The cancellation flag was raised.
        case cancelled
        /// The connection broke after the response started.
        case interrupted
        /// Anything else the transport reports.
        case other
    }
    /// The failure category.
    public var kind: Kind
    /// The transport's own description (never contains request headers).
    public var message: String
    /// Whether any body bytes had been delivered before the failure.
    public var receivedBody: Bool

    /// A transport failure of a kind, and whether any of the body arrived.
    public init(kind: Kind, message: String, receivedBody: Bool = false) {
        self.kind = kind; self.message = message; self.receivedBody = receivedBody
    }

    /// The message the user sees.
    public var description: String { "transport error (\(kind)): \(message)" }
}
