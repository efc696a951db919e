import Foundation

/// One HTTP request as the transport sees it: no C types, no policy.
public struct HTTPRequest: Sendable {
    /// `GET`, `POST` or `DELETE`.
    public var method: String
    /// Absolute URL including any query string.
    public var url: String
    /// Request headers in sending order (may include the secret `Authorization`).
    public var headers: [(String, String)]
    /// The request body (JSON), if any.
    public var body: Data?
    /// Give up when nothing at all arrives for this long (the read-idle timeout of a stream).
    public var idleTimeout: Double
    /// Give up after this long in total.
    public var totalTimeout: Double
    /// Give up connecting after this long.
    public var connectTimeout: Double

    /// A request to send.
    public init(method: String, url: String, headers: [(String, String)] = [], body: Data? = nil,
                idleTimeout: Double = 120, totalTimeout: Double = 600, connectTimeout: Double = 5) {
        self.method = method; self.url = url; self.headers = headers; self.body = body
        self.idleTimeout = idleTimeout; self.totalTimeout = totalTimeout; self.connectTimeout = connectTimeout
    }
}

/// Status line and headers of a response.
public struct HTTPResponseHead: Sendable, Equatable {
    /// HTTP status code.
    public var status: Int
    /// Header names lowercased; later duplicates win.
    public var headers: [String: String]

    /// A response head: status and headers.
    public init(status: Int, headers: [String: String] = [:]) {
        self.status = status
        self.headers = Dictionary(headers.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: { _, b in b })
    }

    /// Header value by case-insensitive name.
    public subscript(header name: String) -> String? { headers[name.lowercased()] }

    /// The server's request id, for error reports.
    public var requestID: String? { headers["x-request-id"] }
}

/// Printing, debug-printing or dumping a request masks the `Authorization` header.
extension HTTPRequest: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// Headers safe to show: `Authorization` values replaced by `***`.
    public var redactedHeaders: [(String, String)] {
        headers.map { $0.0.lowercased() == "authorization" ? ($0.0, "***") : $0 }
    }
    /// Method, URL and headers, the authorization header masked.
    public var description: String {
        "\(method) \(url) " + redactedHeaders.map { "\($0.0): \($0.1)" }.joined(separator: "; ")
    }
    /// The same as `description`, so debugging never shows the key.
    public var debugDescription: String { description }
    /// A mirror without the headers, so dumping never shows the key.
    public var customMirror: Mirror {
        Mirror(self, children: ["method": method, "url": url, "headers": redactedHeaders, "bodyBytes": body?.count ?? 0])
    }
}
