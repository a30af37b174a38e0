/// `GET/POST /admin/subscribers/import`: the upload form, and after an upload the dry run's outcome with
/// the button that confirms it.
public struct SubscriberImportView: Sendable, Hashable {
    public enum Field {
        public static let file = "file"
        public static let token = "token"
        public static let expected = "expected"
        public static let csrf = "_csrf"
    }

    public struct RejectedRow: Sendable, Hashable {
        public let line: Int
        public let username: String
        public let reasons: [String]

        public init(line: Int, username: String, reasons: [String]) {
            self.line = line
            self.username = username
            self.reasons = reasons
        }
    }

    public struct AcceptedRow: Sendable, Hashable {
        public let line: Int
        /// Empty: a number is generated on import.
        public let customerNumber: String
        public let name: String
        public let username: String
        public let plan: String

        public init(line: Int, customerNumber: String, name: String, username: String, plan: String) {
            self.line = line
            self.customerNumber = customerNumber
            self.name = name
            self.username = username
            self.plan = plan
        }
    }

    /// A dry run of a staged file.
    public struct Review: Sendable, Hashable {
        public let summary: String
        public let acceptedCount: Int
        /// The first rows only; `acceptedCount` says how many in all.
        public let accepted: [AcceptedRow]
        public let rejectedCount: Int
        public let rejected: [RejectedRow]
        public let token: String
        public let confirmPath: String

        public init(
            summary: String, acceptedCount: Int, accepted: [AcceptedRow], rejectedCount: Int, rejected: [RejectedRow],
            token: String, confirmPath: String
        ) {
            self.summary = summary
            self.acceptedCount = acceptedCount
            self.accepted = accepted
            self.rejectedCount = rejectedCount
            self.rejected = rejected
            self.token = token
            self.confirmPath = confirmPath
        }
    }

    public let uploadPath: String
    public let subscribersExportPath: String
    public let invoicesExportPath: String
    public let csrfToken: String
    /// After an import, or why a confirmation did nothing.
    public let notice: String?
    /// What is wrong with the uploaded file as a whole (shown at the file field).
    public let fileError: String?
    public let review: Review?

    public init(
        uploadPath: String, subscribersExportPath: String, invoicesExportPath: String, csrfToken: String,
        notice: String? = nil, fileError: String? = nil, review: Review? = nil
    ) {
        self.uploadPath = uploadPath
        self.subscribersExportPath = subscribersExportPath
        self.invoicesExportPath = invoicesExportPath
        self.csrfToken = csrfToken
        self.notice = notice
        self.fileError = fileError
        self.review = review
    }
}
