import Dispatch
import Foundation
import Synchronization

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// A small synchronous HTTP(S) client for talking to payment gateways (and the WhatsApp provider) from a worker thread.
/// One deadline covers the whole exchange (connect, send, wait, read), so a slow gateway costs the
/// buyer at most `timeout` before the retry page. It never logs: request bodies and `Authorization`
/// headers carry keys and personal data.
public struct GatewayHTTPClient: Sendable {
    public struct Response: Sendable {
        public let status: Int
        public let body: [UInt8]

        public init(status: Int, body: [UInt8]) {
            self.status = status
            self.body = body
        }

        public var isSuccess: Bool { (200..<300).contains(status) }
    }

    public let timeout: Duration

    public init(timeout: Duration) {
        self.timeout = timeout
    }

    /// Sends one request and waits for the whole response, or for the deadline.
    /// - Throws: `.unavailable` for network failures and timeouts, `.misconfigured` for an unusable URL.
    public func send(method: String, url: String, headers: [String: String], body: [UInt8]? = nil)
        throws(GatewayError) -> Response
    {
        guard let target = URL(string: url), let scheme = target.scheme?.lowercased(), ["http", "https"].contains(scheme),
            let host = target.host, !host.isEmpty
        else {
            throw .misconfigured("gateway URL is not an http(s) URL")
        }
        let seconds = Double(timeout.components.seconds) + Double(timeout.components.attoseconds) / 1e18
        var request = URLRequest(url: target, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: seconds)
        request.httpMethod = method
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        if let body { request.httpBody = Data(body) }

        let outcome = Outcome()
        let done = DispatchSemaphore(value: 0)
        let task = Self.session.dataTask(with: request) { data, response, error in
            if let error {
                outcome.value.withLock { $0 = .failure(Self.describe(error)) }
            } else if let http = response as? HTTPURLResponse {
                outcome.value.withLock { $0 = .success(Response(status: http.statusCode, body: data.map { [UInt8]($0) } ?? [])) }
            } else {
                outcome.value.withLock { $0 = .failure("no HTTP response") }
            }
            done.signal()
        }
        task.resume()
        if done.wait(timeout: .now() + .nanoseconds(Int(seconds * 1e9))) == .timedOut {
            task.cancel()
            throw .unavailable("\(host) did not answer within \(timeout)")
        }
        switch outcome.value.withLock({ $0 }) {
        case .success(let response): return response
        case .failure(let why): throw .unavailable("\(host): \(why)")
        case nil: throw .unavailable("\(host): no response")
        }
    }

    /// `Authorization: Basic base64(key + ":")`, the key as user name and an empty password, as
    /// Midtrans and Xendit both expect.
    public static func basicAuthorization(key: String) -> String {
        "Basic " + Data((key + ":").utf8).base64EncodedString()
    }

    /// An ephemeral session: no cookies, no cache, nothing written to disk.
    private static let session: URLSession = {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.httpShouldSetCookies = false
        configuration.httpCookieAcceptPolicy = .never
        configuration.urlCache = nil
        configuration.timeoutIntervalForResource = 120
        // The default (6) would queue a burst of checkouts behind a slow gateway's first six answers:
        // every buyer would wait for several timeouts instead of one.
        configuration.httpMaximumConnectionsPerHost = 64
        return URLSession(configuration: configuration)
    }()

    /// Describes a failure by its kind only: a URLError's own text may quote the request.
    private static func describe(_ error: any Error) -> String {
        guard let urlError = error as? URLError else { return "request failed" }
        switch urlError.code {
        case .timedOut: return "timed out"
        case .cannotConnectToHost: return "connection refused"
        case .cannotFindHost, .dnsLookupFailed: return "host not found"
        case .networkConnectionLost: return "connection lost"
        case .notConnectedToInternet: return "no network"
        case .secureConnectionFailed, .serverCertificateUntrusted, .serverCertificateHasBadDate,
            .serverCertificateNotYetValid, .serverCertificateHasUnknownRoot:
            return "TLS failure"
        default: return "request failed (URLError \(urlError.code.rawValue))"
        }
    }

    /// Where the completion handler leaves its result for the waiting thread.
    private final class Outcome: Sendable {
        enum State: Sendable {
            case success(Response)
            case failure(String)
        }

        let value = Mutex<State?>(nil)
    }
}
