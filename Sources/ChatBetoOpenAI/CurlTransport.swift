internal import CCurl
import ChatBetoSupport
import Foundation

/// `HTTPTransport` over one libcurl easy handle. The handle is reused between requests (keeping the
/// connection alive) and requests on one transport run one at a time.
public final class CurlTransport: HTTPTransport, @unchecked Sendable {
    private let handle: UnsafeMutableRawPointer
    private let errorBuffer: UnsafeMutablePointer<CChar>
    private let lock = NSLock()

    private static let globalInit: Bool = curl_global_init(3 /* CURL_GLOBAL_ALL */) == CURLE_OK

    /// Creates the easy handle; throws when libcurl cannot.
    public init() throws {
        guard CurlTransport.globalInit, let h = curl_easy_init() else {
            throw TransportError(kind: .other, message: "curl_easy_init failed")
        }
        handle = h
        errorBuffer = .allocate(capacity: Int(CURL_ERROR_SIZE) + 1)
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
    }

    deinit {
        curl_easy_cleanup(handle)
        errorBuffer.deallocate()
    }

    /// Performs the request on this transport's handle; see `HTTPTransport.perform`.
    public func perform(_ request: HTTPRequest, cancellation: CancellationFlag?,
                        onBody: (HTTPResponseHead, Data) -> Bool) throws -> HTTPResponseHead {
        lock.lock()
        defer { lock.unlock() }
        return try withoutActuallyEscaping(onBody) { sink in
            let transfer = CurlTransfer(sink: sink, cancellation: cancellation)
            let unmanaged = Unmanaged.passRetained(transfer)
            defer { unmanaged.release() }
            var headerList: UnsafeMutablePointer<curl_slist>? = nil
            defer { curl_slist_free_all(headerList) }
            for (name, value) in request.headers { headerList = curl_slist_append(headerList, "\(name): \(value)") }
            // Let libcurl add no "Expect: 100-continue" round trip to large POSTs.
            headerList = curl_slist_append(headerList, "Expect:")

            curl_easy_reset(handle)
            errorBuffer[0] = 0
            try configure(request, headers: headerList, context: unmanaged.toOpaque())
            let rc = curl_easy_perform(handle)
            if let head = transfer.head, rc == CURLE_OK || transfer.stoppedBySink {
                return head
            }
            if rc == CURLE_OK {
                // No body at all (e.g. 204): the head comes from the header callback alone.
                var code = 0
                _ = chatbeto_curl_get_response_code(handle, &code)
                return HTTPResponseHead(status: code, headers: transfer.headers)
            }
            throw failure(rc, transfer: transfer)
        }
    }

    private func configure(_ request: HTTPRequest, headers: UnsafeMutablePointer<curl_slist>?,
                           context: UnsafeMutableRawPointer) throws {
        func check(_ rc: CURLcode, _ what: String) throws {
            if rc != CURLE_OK {
                throw TransportError(kind: .other, message: "curl_easy_setopt(\(what)): " + String(cString: curl_easy_strerror(rc)))
            }
        }
        try check(chatbeto_curl_set_string(handle, CURLOPT_URL, request.url), "URL")
        try check(chatbeto_curl_set_slist(handle, CURLOPT_HTTPHEADER, headers), "HTTPHEADER")
        try check(chatbeto_curl_set_pointer(handle, CURLOPT_ERRORBUFFER, errorBuffer), "ERRORBUFFER")
        try check(chatbeto_curl_set_long(handle, CURLOPT_NOSIGNAL, 1), "NOSIGNAL")
        try check(chatbeto_curl_set_long(handle, CURLOPT_CONNECTTIMEOUT_MS, Int(request.connectTimeout * 1000)), "CONNECTTIMEOUT_MS")
        try check(chatbeto_curl_set_long(handle, CURLOPT_TIMEOUT_MS, Int(request.totalTimeout * 1000)), "TIMEOUT_MS")
        // Read-idle timeout: abort when fewer than 1 byte/s arrives for idleTimeout seconds.
        try check(chatbeto_curl_set_long(handle, CURLOPT_LOW_SPEED_LIMIT, 1), "LOW_SPEED_LIMIT")
        try check(chatbeto_curl_set_long(handle, CURLOPT_LOW_SPEED_TIME, max(1, Int(request.idleTimeout.rounded(.up)))), "LOW_SPEED_TIME")
        try check(chatbeto_curl_set_data_fn(handle, CURLOPT_WRITEFUNCTION, curlWriteCallback), "WRITEFUNCTION")
        try check(chatbeto_curl_set_pointer(handle, CURLOPT_WRITEDATA, context), "WRITEDATA")
        try check(chatbeto_curl_set_data_fn(handle, CURLOPT_HEADERFUNCTION, curlHeaderCallback), "HEADERFUNCTION")
        try check(chatbeto_curl_set_pointer(handle, CURLOPT_HEADERDATA, context), "HEADERDATA")
        try check(chatbeto_curl_set_xferinfo_fn(handle, curlProgressCallback), "XFERINFOFUNCTION")
        try check(chatbeto_curl_set_pointer(handle, CURLOPT_XFERINFODATA, context), "XFERINFODATA")
        try check(chatbeto_curl_set_long(handle, CURLOPT_NOPROGRESS, 0), "NOPROGRESS")
        switch request.method {
        case "GET":
            try check(chatbeto_curl_set_long(handle, CURLOPT_HTTPGET, 1), "HTTPGET")
        case "POST":
            let body = request.body ?? Data()
            let rc = body.withUnsafeBytes { raw -> CURLcode in
                // COPYPOSTFIELDS copies exactly `size` bytes; an empty body still needs a valid pointer.
                let base = raw.bindMemory(to: CChar.self).baseAddress
                return base.map { chatbeto_curl_set_postfields(handle, $0, body.count) }
                    ?? chatbeto_curl_set_postfields(handle, "", 0)
            }
            try check(rc, "COPYPOSTFIELDS")
        default:
            try check(chatbeto_curl_set_string(handle, CURLOPT_CUSTOMREQUEST, request.method), "CUSTOMREQUEST")
            if let body = request.body, !body.isEmpty {
                let rc = body.withUnsafeBytes { raw in
                    chatbeto_curl_set_postfields(handle, raw.bindMemory(to: CChar.self).baseAddress!, body.count)
                }
                try check(rc, "COPYPOSTFIELDS")
            }
        }
    }

    private func failure(_ rc: CURLcode, transfer: CurlTransfer) -> TransportError {
        let detail = errorBuffer[0] != 0 ? String(cString: errorBuffer) : String(cString: curl_easy_strerror(rc))
        let kind: TransportError.Kind
        if transfer.cancelled || rc == CURLE_ABORTED_BY_CALLBACK {
            kind = .cancelled
        } else if rc == CURLE_OPERATION_TIMEDOUT {
            kind = .timeout
        } else if rc == CURLE_COULDNT_CONNECT || rc == CURLE_COULDNT_RESOLVE_HOST || rc == CURLE_COULDNT_RESOLVE_PROXY {
            kind = .connect
        } else if transfer.head != nil || rc == CURLE_PARTIAL_FILE || rc == CURLE_RECV_ERROR || rc == CURLE_GOT_NOTHING {
            kind = .interrupted
        } else {
            kind = .other
        }
        return TransportError(kind: kind, message: "\(detail) (curl error \(rc.rawValue))", receivedBody: transfer.head != nil)
    }
}

/// Per-request state reached from the C callbacks through the user-data pointer.
final class CurlTransfer {
    let sink: (HTTPResponseHead, Data) -> Bool
    let cancellation: CancellationFlag?
    var status = 0
    var headers: [String: String] = [:]
    var head: HTTPResponseHead?
    var stoppedBySink = false
    var cancelled = false

    init(sink: @escaping (HTTPResponseHead, Data) -> Bool, cancellation: CancellationFlag?) {
        self.sink = sink
        self.cancellation = cancellation
    }

    func headerLine(_ line: String) {
        let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.hasPrefix("HTTP/") {
            // A new status line (after 100-continue or a redirect) starts a new header set.
            headers = [:]
            status = trimmed.split(separator: " ").dropFirst().first.flatMap { Int($0) } ?? 0
        } else if let colon = trimmed.firstIndex(of: ":") {
            let name = trimmed[..<colon].lowercased()
            headers[name] = trimmed[trimmed.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
    }

    func body(_ data: Data) -> Bool {
        if cancellation?.isCancelled == true { cancelled = true; return false }
        let current = head ?? HTTPResponseHead(status: status, headers: headers)
        head = current
        if !sink(current, data) { stoppedBySink = true; return false }
        return true
    }
}

private let curlWriteCallback: chatbeto_curl_data_fn = { ptr, size, count, userdata in
    let total = size * count
    guard let ptr, let userdata else { return 0 }
    let transfer = Unmanaged<CurlTransfer>.fromOpaque(userdata).takeUnretainedValue()
    return transfer.body(Data(bytes: ptr, count: total)) ? total : 0
}

private let curlHeaderCallback: chatbeto_curl_data_fn = { ptr, size, count, userdata in
    let total = size * count
    guard let ptr, let userdata else { return 0 }
    let transfer = Unmanaged<CurlTransfer>.fromOpaque(userdata).takeUnretainedValue()
    transfer.headerLine(String(decoding: UnsafeRawBufferPointer(start: ptr, count: total), as: UTF8.self))
    return total
}

private let curlProgressCallback: chatbeto_curl_xferinfo_fn = { userdata, _, _, _, _ in
    guard let userdata else { return 0 }
    let transfer = Unmanaged<CurlTransfer>.fromOpaque(userdata).takeUnretainedValue()
    if transfer.cancellation?.isCancelled == true { transfer.cancelled = true; return 1 }
    return 0
}
